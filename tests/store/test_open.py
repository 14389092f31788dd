"""Where the store is: the URL given, else PLANWATCH_DATABASE_URL, else planwatch.sqlite here."""

from __future__ import annotations

from planwatch.store import Store


def test_the_environment_variable_chooses_the_database(tmp_path, monkeypatch) -> None:
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("PLANWATCH_DATABASE_URL", f"sqlite:///{target}")
    store = Store.open()
    store.init()
    assert store.location == str(target)
    assert target.is_file()
    store.close()


def test_a_store_used_before_init_migrates_itself(database_url: str, plan_data) -> None:
    store = Store.open(database_url)
    store.save_plan_data(plan_data, user="规划处")
    assert store.load_plan_data("JC2025") == plan_data
    store.close()


def test_a_postgres_location_hides_the_password() -> None:
    store = Store.open("postgresql+psycopg://planner:secret@db.example/planwatch")
    assert store.location == "postgresql+psycopg://planner:***@db.example/planwatch"
    store.close()
