/**
 * Flask + flask-cors: an app, then the exported code verbatim (which makes
 * its own app and calls CORS), then the lab's routes as werkzeug rules
 * without a method list, so every method reaches them, OPTIONS and VIEW included.
 */
import { ROUTES_FILE, routesJson, seam, type AppFiles, type AppInput } from './app-files.ts';
import { PYTHON_SERVER, PYTHON_SERVER_FILE } from './python-server.ts';

// The export without CORS is only a comment: it still needs an app to run.
const HEAD = `# @cors-lab/backends: a Flask app; the exported code follows and may replace it.
from flask import Flask

app = Flask(__name__)
`;

const TAIL = `import json
import pathlib

from flask import Response
from werkzeug.routing import Rule

from lab_server import serve


def lab_view(route):
    def view(**_arguments):
        response = Response(route["body"], mimetype="text/plain")
        if "setCookie" in route:
            response.headers["Set-Cookie"] = route["setCookie"]
        return response

    return view


for index, route in enumerate(json.loads((pathlib.Path(__file__).parent / "${ROUTES_FILE}").read_text())):
    endpoint = f"lab_route_{index}"
    app.url_map.add(Rule(route["path"], endpoint=endpoint))  # no methods: every method matches
    app.view_functions[endpoint] = lab_view(route)

serve(app)
`;

export function flaskApp({ code, routes }: AppInput): AppFiles {
  const app = `${HEAD}${seam('#', 'the exported code follows')}${code}\n${seam('#', "the lab's routes and the server")}${TAIL}`;
  return { files: { 'app.py': app, [PYTHON_SERVER_FILE]: PYTHON_SERVER, [ROUTES_FILE]: routesJson(routes) }, args: ['-B', 'app.py'], reportsPort: true, nodeModules: false };
}
