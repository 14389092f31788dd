"""Error pages carry the same request id and browser security headers as every other page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from planwatch.web import create_app
from planwatch.web.middleware import HEADER, SECURITY_HEADERS

from .webapp import make_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The real app over a real store, with two routes a test app adds: one raises, one wants a number."""
    store = make_store(tmp_path_factory.mktemp("errors"))
    app = create_app(store)

    @app.get("/test-raises")
    def raises() -> None:
        raise RuntimeError("测试用的故障")

    @app.get("/api/test-number")
    def number(n: int) -> dict[str, int]:
        return {"n": n}

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    store.close()


@pytest.mark.parametrize(
    ("method", "path", "status", "words"),
    [
        ("GET", "/no-such-page", 404, "页面不存在"),
        ("DELETE", "/login", 405, "请求未能完成"),
        ("GET", "/api/test-number?n=abc", 422, "不是整数"),
        ("GET", "/test-raises", 500, "系统错误"),
        ("GET", "/healthz", 200, ""),
    ],
)
def test_an_error_page_carries_the_request_id_and_the_security_headers(
    client: TestClient, method: str, path: str, status: int, words: str
):
    response = client.request(method, path)
    assert response.status_code == status
    assert words in response.text
    assert response.headers[HEADER]
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name


def test_the_server_error_page_keeps_the_request_id_the_proxy_sent(client: TestClient):
    response = client.get("/test-raises", headers={HEADER: "nginx-abc123"})
    assert response.status_code == 500
    assert response.headers[HEADER] == "nginx-abc123"
    assert "服务器处理请求时出错" in response.text and "测试用的故障" not in response.text


def test_the_server_error_of_the_api_is_json_in_chinese(client: TestClient):
    app = client.app

    @app.get("/api/test-raises")  # type: ignore[union-attr]
    def raises() -> None:
        raise ValueError("内部细节")

    response = client.get("/api/test-raises")
    assert response.status_code == 500
    assert response.json() == {"detail": "服务器处理请求时出错，请稍后重试；如反复出现，请联系系统管理员查看服务日志。"}
    assert response.headers["X-Frame-Options"] == "DENY"
