"""Run the web page with uvicorn: print the address, optionally open the browser.

Binds to 127.0.0.1 unless told otherwise. Another address (`--host 0.0.0.0`) shares
the page with everyone who can reach this machine on the network, with no login and
no encryption: anyone there can upload files and read the reports of others while
they are kept (an hour). A warning says so when the server starts.
"""

from __future__ import annotations

import logging
import sys
import threading
import webbrowser

from plansjekk.web.app import ServeConfig, create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False,
          config: ServeConfig | None = None) -> None:
    """Serve until Ctrl-C. Logs only counts (no file names, no access log)."""
    import uvicorn

    config = config or ServeConfig()
    url = address(host, port)
    print(f"plansjekk kjører på {url}  (stopp med Ctrl-C)", flush=True)
    if host not in LOOPBACK:
        print("ADVARSEL: siden er åpen for alle som når denne maskinen på nettverket, uten innlogging "
              "og uten kryptering. Bruk --host bare på et nettverk du stoler på.", file=sys.stderr, flush=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url if host not in ("0.0.0.0", "::") else
                                                    address("127.0.0.1", port),)).start()
    logging.basicConfig(level=logging.INFO, format="plansjekk: %(message)s")
    uvicorn.run(create_app(config), host=host, port=port, access_log=False, log_level="warning",
                server_header=False)
