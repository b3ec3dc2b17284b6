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
    en = config.lang == "en"
    if not (config.max_mb > 0 and 0 < config.timeout <= 3600 and 0 <= config.jobs <= 32):
        raise PlansjekkError("--max-mb must be over 0, --timeout over 0 and at most 3600, --jobs 1 to 32" if en
                             else "--maks-mb må være over 0, --tidsgrense over 0 og høyst 3600, --jobber 1 til 32")
    check_address(host, port, en)
    url = address(host, port)
    print(f"plansjekk {'is running at' if en else 'kjører på'} {url}  "
          f"({'stop with' if en else 'stopp med'} Ctrl-C)", flush=True)
    if host not in LOOPBACK:
        print("WARNING: the page is open to everyone who can reach this machine on the network, with no "
              "login and no encryption. Use --host only on a network you trust." if en else
              "ADVARSEL: siden er åpen for alle som når denne maskinen på nettverket, uten innlogging "
              "og uten kryptering. Bruk --host bare på et nettverk du stoler på.", file=sys.stderr, flush=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url if host not in ("0.0.0.0", "::") else
                                                    address("127.0.0.1", port),)).start()
    logging.basicConfig(level=logging.INFO, format="plansjekk: %(message)s")
    if host in LOOPBACK and config.allowed_hosts is None:
        config = replace(config, allowed_hosts=LOOPBACK_NAMES)
    uvicorn.run(create_app(config), host=host, port=port, access_log=False, log_level="warning",
                server_header=False)


def check_address(host: str, port: int, en: bool = False) -> None:
    """A clear message now, rather than uvicorn's after start-up, when the address cannot be used."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OverflowError):
        raise PlansjekkError(f"invalid address «{host}»: use for example --host 127.0.0.1" if en else
                             f"ugyldig adresse «{host}»: bruk for eksempel --host 127.0.0.1") from None
    family, kind, proto, _, where = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(where)
        except OSError as error:
            raise PlansjekkError(f"cannot listen on {address(host, port)} ({error.strerror}); "
                                 "choose another port with --port" if en else
                                 f"kan ikke lytte på {address(host, port)} ({error.strerror}); "
                                 "velg en annen port med --port") from None
