"""Logs in to RosCert's api-ssl with librouteros over TLS, verifying the server against a CA file.

Usage: python3 librouteros_tls_client.py PORT USER PASSWORD CAFILE
Prints the TLS version, the served certificate's SHA-256 and the names /certificate/print returns.
"""
import hashlib
import ssl
import sys

import librouteros

port, user, password, cafile = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

context = ssl.create_default_context(cafile=cafile)
context.check_hostname = True
wrapped = []


def wrap(sock):
    tls = context.wrap_socket(sock, server_hostname="localhost")
    wrapped.append(tls)
    return tls


api = librouteros.connect(host="127.0.0.1", username=user, password=password, port=port, timeout=10, ssl_wrapper=wrap)
print("tls:", wrapped[0].version())
print("served:", hashlib.sha256(wrapped[0].getpeercert(binary_form=True)).hexdigest())
for item in api.path("certificate"):
    print("print:", item["name"])
api.close()
print("done")
