/**
 * Django + django-cors-headers: settings every project has, then the exported
 * settings verbatim (they may replace INSTALLED_APPS and MIDDLEWARE), a
 * urls.py whose views answer every method, and Django's checks at startup.
 */
import { ROUTES_FILE, routesJson, seam, type AppFiles, type AppInput } from './app-files.ts';
import { PYTHON_SERVER, PYTHON_SERVER_FILE } from './python-server.ts';

const SETTINGS_HEAD = `# @cors-lab/backends: what any Django project has; the exported settings follow and may override it.
SECRET_KEY = "cors-lab-backend-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "lab_urls"
INSTALLED_APPS = []
MIDDLEWARE = []
USE_TZ = True
`;

const URLS = `"""@cors-lab/backends: the lab's routes; a function view answers every method, OPTIONS and VIEW included."""
import json
import pathlib

from django.http import HttpResponse
from django.urls import path

ROUTES = json.loads((pathlib.Path(__file__).parent / "${ROUTES_FILE}").read_text())


def lab_view(route):
    def view(request):
        response = HttpResponse(route["body"], content_type="text/plain; charset=utf-8")
        if "setCookie" in route:
            response["Set-Cookie"] = route["setCookie"]
        return response

    return view


urlpatterns = [path(route["path"].lstrip("/"), lab_view(route)) for route in ROUTES]
`;

const RUN = `"""@cors-lab/backends: Django's system checks (django-cors-headers' among them), then the server."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ["DJANGO_SETTINGS_MODULE"] = "lab_settings"

import django
from django.core.management import call_command

django.setup()
call_command("check", fail_level="ERROR")

from django.core.wsgi import get_wsgi_application
from lab_server import serve

serve(get_wsgi_application())
`;

export function djangoApp({ code, routes }: AppInput): AppFiles {
  return {
    files: {
      'lab_settings.py': `${SETTINGS_HEAD}${seam('#', 'the exported settings follow')}${code}\n`,
      'lab_urls.py': URLS,
      'run.py': RUN,
      [PYTHON_SERVER_FILE]: PYTHON_SERVER,
      [ROUTES_FILE]: routesJson(routes),
    },
    args: ['-B', 'run.py'],
    reportsPort: true,
    nodeModules: false,
  };
}
