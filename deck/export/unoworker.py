"""The warm LibreOffice's converter: a small program run by a Python that has LibreOffice's UNO
bridge (Debian's python3-uno, or the python LibreOffice bundles), never imported by deck.

deck's own interpreter (a venv) usually cannot import `uno`, so deck.export.office starts this
file with that other Python, after starting LibreOffice listening on a local pipe. It connects
to that pipe, says `{"ready": true}`, then answers one JSON request a line on stdin,
`{"pptx": PATH, "pdf": PATH, "pages": "2,5-6"}` (pages optional: all), with one JSON line on
stdout: `{"ok": true}` or `{"error": TEXT}`. At the end of its input (deck ended, however) it
asks LibreOffice to quit. It starts no process itself.

Usage: python3 unoworker.py PIPE_NAME
"""

import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

CONNECT_SECONDS = 60


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # NoConnectException while LibreOffice is starting
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _convert(desktop, request):
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(request["pptx"]), "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", True))
    )
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        data = [_prop("PageRange", request["pages"])] if request.get("pages") else []
        args = (
            _prop("FilterName", "impress_pdf_Export"),
            _prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", tuple(data))),
        )
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(request["pdf"]), args))
    finally:
        doc.close(True)


def _say(reply):
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def main(pipe):
    try:
        desktop = _connect(pipe)
    except Exception as e:
        _say({"error": f"cannot connect to LibreOffice: {e}"})
        return 1
    _say({"ready": True})
    for line in sys.stdin:
        try:
            _convert(desktop, json.loads(line))
            _say({"ok": True})
        except Exception as e:  # a UNO error (or LibreOffice gone): deck decides what to do
            _say({"error": f"{type(e).__name__}: {e}"})
    try:
        desktop.terminate()
    except Exception:
        pass  # already gone
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
