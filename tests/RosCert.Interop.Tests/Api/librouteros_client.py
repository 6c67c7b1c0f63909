"""Drives RosCert's binary API with librouteros (Debian python3-librouteros), as a RouterOS script would.

Usage: python3 librouteros_client.py PORT USER PASSWORD
Prints one line per step; exits non-zero on the first unexpected answer.
"""
import sys

import librouteros
from librouteros.exceptions import TrapError

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]

# A wrong password is a trap, and the library raises it.
try:
    librouteros.connect(host="127.0.0.1", username=user, password=password + "-wrong", port=port, timeout=10)
    sys.exit("login with a wrong password succeeded")
except TrapError as error:
    print("wrong password:", error.message)

api = librouteros.connect(host="127.0.0.1", username=user, password=password, port=port, timeout=10)
print("login: ok")

certificates = api.path("certificate")
ca_id = certificates.add(**{"name": "py-ca", "common-name": "Python CA", "key-size": "prime256v1", "key-usage": "key-cert-sign,crl-sign"})
print("add:", ca_id)

leaf_id = certificates.add(**{"name": "py-leaf", "common-name": "leaf.example", "key-size": "prime256v1"})
print("add:", leaf_id)

print("sign:", tuple(api("/certificate/sign", **{".id": ca_id})))
print("sign:", tuple(api("/certificate/sign", **{".id": leaf_id, "ca": "py-ca"})))

for item in certificates:
    print("print:", item[".id"], item["name"], item["common-name"], "key" if item["private-key"] else "nokey", item.get("issuer", ""))

selected = tuple(certificates.select("name", "issued").where(librouteros.query.Key("name") == "py-leaf"))
print("query:", selected)

try:
    tuple(api("/certificate/sign", **{".id": "*99"}))
    sys.exit("signing a missing item succeeded")
except TrapError as error:
    print("missing item:", error.message)

api.close()
print("done")
