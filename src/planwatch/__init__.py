"""planwatch: monitor the execution of economic and social development plans.

Layers (see README): ``documents`` → ``extract`` → facts; ``imports`` → ``store``;
``plan`` (domain model) and ``monitor`` (status engine) in the middle; ``cli`` at the edge.
"""

__version__ = "0.1.0"
