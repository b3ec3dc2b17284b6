"""HTML renderer: the plan as the main content of a saved municipal web page.

The page chrome (skip link, cookie banner, navigation, breadcrumbs, search, related
links, footer, scripts) is deliberately there: the extractor has to find the article.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .source import BOLD, Block, Source, accepted

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - {site}</title>
<link rel="stylesheet" href="/static/css/main.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="page-article">
<a class="skip-link" href="#hovedinnhold">Hopp til hovedinnhold</a>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Informasjonskapsler">
<p>Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet og for å føre anonym
statistikk over bruken. Du kan selv velge hvilke informasjonskapsler du godtar.</p>
<button type="button">Godta alle</button> <button type="button">Bare nødvendige</button>
<a href="/personvern/">Les mer om personvern</a>
</div>
<header class="site-header">
<a class="logo" href="/"><img src="/static/img/logo.svg" alt="{site}"></a>
<form class="search" action="/sok/"><label for="q">Søk</label><input id="q" name="q"><button>Søk</button></form>
<nav class="main-menu" aria-label="Hovedmeny">
<ul>
<li><a href="/barnehage-og-skole/">Barnehage og skole</a></li>
<li><a href="/helse-og-omsorg/">Helse og omsorg</a></li>
<li><a href="/familie-og-oppvekst/">Familie og oppvekst</a></li>
<li><a href="/kultur-og-fritid/">Kultur og fritid</a></li>
<li><a href="/politikk-og-organisasjon/">Politikk og organisasjon</a></li>
<li><a href="/min-side/">Min side</a></li>
</ul>
</nav>
</header>
<nav class="breadcrumbs" aria-label="Brødsmulesti">
<ol>
{crumbs}
</ol>
</nav>
<div class="layout">
<main id="hovedinnhold">
<article>
<h1>{title}</h1>
<p class="ingress">{ingress}</p>
{body}
<p class="updated">Sist oppdatert {updated}</p>
</article>
</main>
<aside class="related">
<h2>Relatert innhold</h2>
<ul>
{related}
</ul>
<div class="share">Del siden: <a href="#">Facebook</a> <a href="#">E-post</a> <a href="#" onclick="window.print()">Skriv ut</a></div>
</aside>
</div>
<footer class="site-footer">
<div class="contact">
<h2>Kontakt oss</h2>
<p>{site}<br>Postboks 1<br>Sentralbord: 32 00 00 00<br>E-post: postmottak@example.no</p>
<p>Åpningstider servicetorget: mandag–fredag 08.00–15.30</p>
</div>
<ul class="footer-links">
<li><a href="/personvern/">Personvern og informasjonskapsler</a></li>
<li><a href="/tilgjengelighet/">Tilgjengelighetserklæring</a></li>
<li><a href="/nettstedskart/">Nettstedskart</a></li>
</ul>
<p>Ansvarlig redaktør: kommunedirektøren</p>
</footer>
<script src="/static/js/cookie-consent.js"></script>
<script>document.querySelector('.cookie-banner button').addEventListener('click', function () {{
  document.getElementById('cookie-consent').hidden = true; }});</script>
</body>
</html>
"""


def inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", escape(accepted(text), quote=False))


def block_html(block: Block) -> str:
    if block.kind == "heading":
        level = min(block.level + 1, 6)  # h1 is the page title
        return f"<h{level}>{inline(block.text)}</h{level}>"
    if block.kind == "para":
        return f"<p>{inline(block.text)}</p>"
    if block.kind in ("bullets", "numbered"):
        tag = "ul" if block.kind == "bullets" else "ol"
        items = "\n".join(f"<li>{inline(t)}</li>" for t in block.items)
        return f"<{tag}>\n{items}\n</{tag}>"
    if block.kind == "table":
        rows = []
        for r, row in enumerate(block.rows):
            cell = "th" if block.header and r == 0 else "td"
            rows.append("<tr>" + "".join(f"<{cell}>{inline(c)}</{cell}>" for c in row) + "</tr>")
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    if block.kind == "box":
        paras = "\n".join(f"<p>{inline(t)}</p>" for t in block.items)
        return f'<div class="faktaboks">\n{paras}\n</div>'
    return ""


def render_html(src: Source, out: Path) -> None:
    meta = src.meta
    crumbs = "\n".join(f'<li><a href="#">{escape(c)}</a></li>' for c in meta.get("breadcrumbs", []))
    related = "\n".join(f'<li><a href="#">{escape(r)}</a></li>' for r in meta.get("related", []))
    body = "\n".join(filter(None, (block_html(b) for b in src.blocks)))
    page = PAGE.format(lang=meta.get("html_lang", "nb"), title=escape(meta["title"]),
                       site=escape(meta["author"]), crumbs=crumbs, related=related,
                       ingress=inline(meta.get("ingress", "")), body=body,
                       updated=escape(str(meta.get("updated", ""))))
    out.write_text(page, encoding="utf-8", newline="\n")
