"""`plansjekk serve`: starts, prints its address, warns when shared, fails clearly on a busy port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
from typer.testing import CliRunner

from plansjekk.cli import app
from plansjekk.web import server

sys.path.insert(0, str(Path(__file__).parent))
from web_helpers import free_port  # noqa: E402

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient


def test_serve_starts_prints_its_address_and_stops_on_ctrl_c():
    """Ctrl-C reaches the whole process group, workers still starting included: no traceback."""
    port = free_port()
    cli = Path(sys.executable).parent / "plansjekk"
    process = subprocess.Popen([str(cli), "serve", "--port", str(port)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.1)
        assert page.status_code == 200 and "Sjekk planene" in page.text
        # a DNS name pointed at 127.0.0.1 by some web page is not answered (DNS rebinding)
        assert httpx.get(f"http://127.0.0.1:{port}/", headers={"Host": "angriper.example"}).status_code == 400
        assert httpx.get(f"http://localhost:{port}/api/regler").status_code == 200
    finally:
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out
    assert "ADVARSEL" not in err and "Traceback" not in err


def test_busy_port_is_a_clear_error_with_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert "kan ikke lytte" in result.output and "--port" in result.output


def test_bad_limits_are_refused():
    result = CliRunner().invoke(app, ["serve", "--maks-mb", "0"])
    assert result.exit_code == 2 and "--maks-mb" in result.output


def test_sharing_on_the_network_warns_and_nothing_is_access_logged(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append(options))
    server.serve("0.0.0.0", free_port())
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["access_log"] is False
    captured = capsys.readouterr()
    assert "ADVARSEL" in captured.err and "uten innlogging" in captured.err
    server.serve("127.0.0.1", free_port())
    assert "ADVARSEL" not in capsys.readouterr().err


def test_serve_help_in_english_and_busy_port_message_in_english():
    import typer

    from plansjekk.cli_text import HELP_EN

    command = typer.main.get_command(app).commands["serve"]
    texts = {command.help} | {p.help for p in command.params} - {None}
    assert not [text for text in texts if text and text.strip() not in HELP_EN]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = CliRunner().invoke(app, ["serve", "--port", str(taken.getsockname()[1]), "--lang", "en"])
    assert result.exit_code == 2 and "cannot listen" in result.output


def test_serve_lang_en_makes_english_the_page_default(monkeypatch):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append(app))
    assert CliRunner().invoke(app, ["--lang", "en", "serve", "--port", str(free_port())]).exit_code == 0
    with TestClient(calls[0], base_url="http://127.0.0.1:8000") as client:
        assert '<html lang="en">' in client.get("/").text
        assert '<html lang="nb">' in client.get("/?lang=nb").text
