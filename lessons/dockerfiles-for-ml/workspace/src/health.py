"""HEALTHCHECK probe: exit 0 when /health answers, 1 otherwise (slim images have no curl)."""

import sys
import urllib.request

try:
    urllib.request.urlopen("http://127.0.0.1:8000/health", timeout=2)
except Exception:
    sys.exit(1)
