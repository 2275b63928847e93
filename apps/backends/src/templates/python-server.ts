/**
 * The WSGI server the Python backends run on: wsgiref, threaded. It starts in
 * milliseconds, needs nothing installed, and hands any method to the app
 * (a custom VIEW, a lowercase patch), as a browser may send them.
 */
export const PYTHON_SERVER_FILE = 'lab_server.py';

export const PYTHON_SERVER = `"""@cors-lab/backends: a threaded wsgiref server on 127.0.0.1 that prints the port it listens on."""
import os
import socketserver
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(app):
    server = make_server("127.0.0.1", int(os.environ.get("PORT", "0")), app, ThreadingWSGIServer, QuietHandler)
    print(f"PORT {server.server_port}", flush=True)
    server.serve_forever()
`;
