"""Routes grouped by resource: the dashboard, plan items, and the JSON API."""
