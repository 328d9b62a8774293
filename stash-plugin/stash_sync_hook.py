#!/usr/bin/env python3
"""stash-sync's Stash plugin hook: POSTs {type, id} of the changed object to stash-sync.

Stash runs it inside the request that made the change (a raw-interface plugin: its input is
JSON on stdin, its answer JSON on stdout), so it never waits long: each request has a short
timeout, and a stash-sync that is down only costs a line in Stash's log. Standard library only.
"""

import json
import sys
import urllib.error
import urllib.request

PLUGIN_ID = "stash-sync"
# Seconds per request: long enough for a server on the same network, short enough that a
# stash-sync that is down never holds up the edit in Stash.
TIMEOUT = 2.0
SETTINGS_QUERY = (
    "query StashSyncPluginSettings($include: [ID!]) "
    "{ configuration { plugins(include: $include) } }"
)


def answer(output=None, error=None):
    """Stash reads this as the plugin's result: `error` is logged as an error."""
    print(json.dumps({"output": output, "error": error}))
    return 0


def stash_graphql_url(connection):
    scheme = connection.get("Scheme") or "http"
    host = connection.get("Host") or "localhost"
    if host in ("0.0.0.0", "::", "[::]"):
        host = "localhost"
    port = connection.get("Port") or 9999
    return "%s://%s:%s/graphql" % (scheme, host, port)


def read_settings(connection):
    """This plugin's settings, as saved in Stash → Settings → Plugins (Stash's GraphQL API)."""
    headers = {"Content-Type": "application/json"}
    cookie = connection.get("SessionCookie") or {}
    if cookie.get("Name") and cookie.get("Value"):
        headers["Cookie"] = "%s=%s" % (cookie["Name"], cookie["Value"])
    body = json.dumps({"query": SETTINGS_QUERY, "variables": {"include": [PLUGIN_ID]}})
    request = urllib.request.Request(
        stash_graphql_url(connection), data=body.encode("utf-8"), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        data = json.loads(response.read().decode("utf-8"))
    plugins = ((data.get("data") or {}).get("configuration") or {}).get("plugins") or {}
    return plugins.get(PLUGIN_ID) or {}


def notify(url, token, hook):
    body = json.dumps({"type": hook.get("type"), "id": hook.get("id")}).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(
        url.rstrip("/") + "/api/stash-hook", data=body, headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.status


def refusal(error):
    """stash-sync's own words for a refused hook, never the token."""
    try:
        message = json.loads(error.read().decode("utf-8"))["error"]["message"]
    except Exception:  # not stash-sync's JSON error: the status says enough
        message = error.reason
    return "stash-sync refused the hook (HTTP %s): %s" % (error.code, message)


def main():
    try:
        plugin_input = json.loads(sys.stdin.read() or "{}")
    except ValueError:
        return answer(error="The plugin's input is not JSON.")
    hook = (plugin_input.get("args") or {}).get("hookContext")
    if not isinstance(hook, dict):
        return answer(output="Not run by a hook: nothing to send.")
    try:
        settings = read_settings(plugin_input.get("server_connection") or {})
    except Exception as error:  # Stash unreachable from here: say so, never block
        return answer(error="Could not read this plugin's settings from Stash: %s" % error)
    url = str(settings.get("url") or "").strip()
    if not url:
        return answer(error="Set stash-sync's address in this plugin's settings.")
    try:
        status = notify(url, str(settings.get("token") or "").strip(), hook)
    except urllib.error.HTTPError as error:
        return answer(error=refusal(error))
    except Exception as error:  # down, refused, timed out: the next sync catches up
        return answer(error="stash-sync did not answer at %s: %s" % (url, error))
    return answer(output="stash-sync noted %s %s (HTTP %s)." % (hook.get("type"), hook.get("id"), status))


if __name__ == "__main__":
    sys.exit(main())
