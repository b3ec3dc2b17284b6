"""Run the web page with uvicorn: print the address, optionally open the browser.

Binds to 127.0.0.1 unless told otherwise. Another address (`--host 0.0.0.0`) shares
the page with everyone who can reach this machine on the network, with no login and
no encryption: anyone there can upload files and read the reports of others while
they are kept (an hour). A warning says so when the server starts.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
import webbrowser
from dataclasses import replace

from plansjekk.errors import PlansjekkError
from plansjekk.web.app import ServeConfig, create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False,
          config: ServeConfig | None = None) -> None:
    """Serve until Ctrl-C. Logs only counts (no file names, no access log)."""
    import uvicorn

    config = config or ServeConfig()
    if config.max_mb <= 0 or config.timeout <= 0 or config.jobs < 0:
        raise PlansjekkError("--maks-mb, --tidsgrense og --jobs må være positive tall")
    check_address(host, port)
    url = address(host, port)
    print(f"plansjekk kjører på {url}  (stopp med Ctrl-C)", flush=True)
    if host not in LOOPBACK:
        print("ADVARSEL: siden er åpen for alle som når denne maskinen på nettverket, uten innlogging "
              "og uten kryptering. Bruk --host bare på et nettverk du stoler på.", file=sys.stderr, flush=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url if host not in ("0.0.0.0", "::") else
                                                    address("127.0.0.1", port),)).start()
    logging.basicConfig(level=logging.INFO, format="plansjekk: %(message)s")
    if host in LOOPBACK and config.allowed_hosts is None:
        config = replace(config, allowed_hosts=LOOPBACK_NAMES)
    uvicorn.run(create_app(config), host=host, port=port, access_log=False, log_level="warning",
                server_header=False)


def check_address(host: str, port: int) -> None:
    """A clear message now, rather than uvicorn's after start-up, when the address cannot be used."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OverflowError):
        raise PlansjekkError(f"ugyldig adresse «{host}»: bruk for eksempel --host 127.0.0.1") from None
    family, kind, proto, _, where = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(where)
        except OSError as error:
            raise PlansjekkError(f"kan ikke lytte på {address(host, port)} ({error.strerror}); "
                                 "velg en annen port med --port") from None
