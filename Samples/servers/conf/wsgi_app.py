# /tmp/wvenv/bin/waitress-serve --listen=127.0.0.1:8108 --call wsgi_app:make_app
# (run from Samples/servers/conf with DOCROOT=/tmp/srv/docroot)
# A minimal static-file WSGI app written for this corpus.
import email.utils
import os


def make_app(root=None):
    root = os.path.realpath(root or os.environ.get("DOCROOT", "."))

    def app(environ, start_response):
        method = environ["REQUEST_METHOD"]
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed",
                           [("Allow", "GET, HEAD"), ("Content-Type", "text/plain")])
            return [b"method not allowed\n"]
        path = os.path.realpath(os.path.join(root, environ.get("PATH_INFO", "/").lstrip("/")))
        if not path.startswith(root) or not os.path.isfile(path):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found\n"]
        st = os.stat(path)
        lm = email.utils.formatdate(int(st.st_mtime), usegmt=True)
        ims = environ.get("HTTP_IF_MODIFIED_SINCE")
        if ims:
            try:
                if int(st.st_mtime) <= email.utils.parsedate_to_datetime(ims).timestamp():
                    start_response("304 Not Modified", [("Last-Modified", lm)])
                    return [b""]
            except (TypeError, ValueError):
                pass
        with open(path, "rb") as f:
            body = f.read()
        ctype = "text/html" if path.endswith(".html") else "text/plain"
        start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body))),
                                  ("Last-Modified", lm)])
        return [b"" if method == "HEAD" else body]

    return app
