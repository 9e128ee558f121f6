#!/usr/bin/env python3
"""Turns a folder of recorded traffic into httplint records (one JSON object per line).

Raw responses (*.http) become {"name", "response", "request"} with the NAME.req beside them
as the request, base64-encoded; HAR archives (*.har) become one record each with
"input": "har". Names are the paths as given, so findings can be joined back to files.

    python3 make_records.py Samples/servers Samples/traffic > records.jsonl
"""
import base64
import json
import os
import sys


def records(roots):
    for root in roots:
        for directory, subdirectories, files in os.walk(root):
            subdirectories.sort()
            for name in sorted(files):
                path = os.path.join(directory, name)
                if name.endswith(".http"):
                    record = {"name": path, "response": encode(path)}
                    request = path[: -len(".http")] + ".req"
                    if os.path.exists(request):
                        record["request"] = encode(request)
                    yield record
                elif name.endswith(".har"):
                    yield {"name": path, "input": "har", "response": encode(path)}


def encode(path):
    with open(path, "rb") as file:
        return base64.b64encode(file.read()).decode("ascii")


if __name__ == "__main__":
    for record in records(sys.argv[1:]):
        print(json.dumps(record))
