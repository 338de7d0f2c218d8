"""`editio serve` watches what a build depends on and rebuilds only what changed, in-process,
with the stylesheets kept compiled; the event stream tells the pages; Ctrl-C stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from serve_support import BROKEN, request, running, tei

from editio.load.document import LoadOptions
from editio.render import transform
from editio.render.publish import PublishOptions

XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_event_stream_announces_each_build(tmp_path):
    import http.client

    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Prima."))
    with running([src], tmp_path / "out") as served:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=20)
        conn.request("GET", "/__editio/events")
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type").startswith("text/event-stream")
        first = _read_event(response)
        assert first == ("build", str(served.generation()))
        write(src / "uno.xml", tei("Seconda."))
        second = _read_event(response)
        assert second[0] == "build" and int(second[1]) > int(first[1])
        conn.close()
        assert "Seconda." in served.get("/uno.html")[2].decode()


def _read_event(response) -> tuple[str, str]:
    event, data = "", ""
    while True:
        line = response.fp.readline().decode("utf-8")
        assert line, "the event stream ended"
        line = line.rstrip("\n")
        if not line:
            if data:
                return event, data
            continue
        name, _, value = line.partition(": ")
        if name == "event":
            event = value
        elif name == "data":
            data = value


def test_only_the_changed_document_is_rebuilt_with_stylesheets_kept_compiled(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n in range(5):
        write(src / f"doc{n}.xml", tei(f"Documento {n}."))
    with running([src], tmp_path / "out") as served:
        compiled = transform.compile_stylesheet.cache_info().misses
        for round_ in range(2):
            before = served.generation()
            write(src / "doc3.xml", tei(f"Documento 3, giro {round_}."))
            served.wait_past(before)
            assert [p.name for p in served.session.last.built] == ["doc3.xml"]
            assert len(served.session.last.current) == 4
        # No stylesheet was compiled again for the rebuilds: the process kept them.
        assert transform.compile_stylesheet.cache_info().misses == compiled
        assert "giro 1" in served.get("/doc3.html")[2].decode()


def test_a_user_stylesheet_change_is_compiled_again_and_rebuilds_every_page(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Con <persName>Gustav</persName>."))
    mine = tmp_path / "style" / "mine.xsl"
    mine.parent.mkdir()
    write(mine, _user_xslt("uno"))
    publish = replace(PublishOptions(), user_xslt=str(mine))
    with running([src], tmp_path / "out", formats=("html",), publish=publish) as served:
        assert 'class="mine-uno"' in served.get("/uno.html")[2].decode()
        before = served.generation()
        write(mine, _user_xslt("due"))
        served.wait_past(before)
        assert 'class="mine-due"' in served.get("/uno.html")[2].decode()


def _user_xslt(name: str) -> str:
    return f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:import href="editio:html.xsl"/>
  <xsl:template match="tei:persName"><b class="mine-{name}"><xsl:apply-imports/></b></xsl:template>
</xsl:stylesheet>
"""


def test_a_user_template_change_rebuilds(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Testo."))
    templates = tmp_path / "templates" / "partials"
    templates.mkdir(parents=True)
    write(templates / "footer.html", "<footer>piede uno</footer>\n")
    publish = replace(PublishOptions(), user_templates=(str(templates.parent),))
    with running([src], tmp_path / "out", formats=("html",), publish=publish) as served:
        assert "piede uno" in served.get("/uno.html")[2].decode()
        before = served.generation()
        write(templates / "footer.html", "<footer>piede due</footer>\n")
        served.wait_past(before)
        assert "piede due" in served.get("/uno.html")[2].decode()


RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="TEI"><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName>{forbid}</anyName><ref name="any"/></element></choice></zeroOrMore></define>
</grammar>
"""


def test_a_schema_change_checks_the_documents_again(tmp_path):
    """A document's own <?xml-model?> schema is not in the build's fingerprint: serve rebuilds on its change."""
    src = tmp_path / "src"
    schema = tmp_path / "schema" / "mine.rng"
    schema.parent.mkdir()
    src.mkdir()
    write(schema, RNG.format(forbid=""))
    model = '<?xml-model href="../schema/mine.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    write(src / "uno.xml", tei("Con <hi>enfasi</hi>.", before_root=model))
    with running([src], tmp_path / "out") as served:
        assert "[schema." not in served.get("/uno.html")[2].decode()
        before = served.generation()
        write(schema, RNG.format(forbid='<except><nsName ns="http://www.tei-c.org/ns/1.0"/></except>'))
        served.wait_past(before)
        page = served.get("/uno.html")[2].decode()
        assert re.search(r"\[schema\.[a-z.]+\]", page), "the new schema's findings are not on the page"


def test_an_xincluded_file_change_rebuilds_its_document(tmp_path):
    src = tmp_path / "src"
    parts = src / "parts"
    parts.mkdir(parents=True)
    write(parts / "part.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">Parte inclusa, prima.</p>\n')
    write(
        src / "main.xml", tei('Testo.</p><xi:include href="parts/part.xml"/><p>Fine.').replace("<TEI ", f"<TEI {XI} ")
    )
    with running([src / "main.xml"], tmp_path / "out", load=LoadOptions(xinclude=True)) as served:
        assert "Parte inclusa, prima." in served.get("/main.html")[2].decode()
        before = served.generation()
        write(parts / "part.xml", '<p xmlns="http://www.tei-c.org/ns/1.0">Parte inclusa, seconda.</p>\n')
        served.wait_past(before)
        assert "Parte inclusa, seconda." in served.get("/main.html")[2].decode()


def test_documents_added_and_removed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Uno."))
    with running([src], tmp_path / "out") as served:
        before = served.generation()
        write(src / "nuovo.xml", tei("Nuovo.", title="Il nuovo"))
        served.wait_past(before)
        assert served.get("/nuovo.html")[0] == 200
        assert "Il nuovo" in served.get("/")[2].decode()
        before = served.generation()
        (src / "nuovo.xml").unlink()
        served.wait_past(before)
        assert served.get("/nuovo.html")[0] == 404
        assert not (served.out_dir / "nuovo.html").exists()


def test_a_failing_document_is_reported_once_on_the_console(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Uno."))
    write(src / "due.xml", tei("Due."))
    lines: list[str] = []
    with running([src], tmp_path / "out") as served:
        served.session.echo = lines.append
        before = served.generation()
        write(src / "uno.xml", BROKEN)
        before = served.wait_past(before)
        write(src / "due.xml", tei("Due, cambiato."))
        served.wait_past(before)
    text = "\n".join(lines)
    assert text.count("Opening and ending tag mismatch: hi line 6") == 1, text
    assert "editio serve: built " in text and "due.xml" in text


def _serve_process(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    src = tmp_path / "src"
    src.mkdir()
    write(src / "uno.xml", tei("Uno."))
    process = subprocess.Popen(
        [sys.executable, "-m", "editio", "serve", str(src), "-o", str(tmp_path / "out"), "--port", "0", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CI": "1"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        match = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return process, int(match.group(1))
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError("editio serve did not start")


def test_ctrl_c_stops_cleanly(tmp_path):
    process, port = _serve_process(tmp_path)
    try:
        assert request(port, "/uno.html")[0] == 200
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert "editio serve: stopped" in err


def test_sigterm_stops_cleanly(tmp_path):
    process, port = _serve_process(tmp_path)
    try:
        assert request(port, "/")[0] == 200
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 143, err
    assert "Traceback" not in err
