#!/bin/sh
# Regenerates the import corpus with OpenSSL 3 (see README.md). Passphrase of every encrypted file: secret.
set -eu
cd "$(dirname "$0")"
P=pass:secret
L="-provider legacy -provider default"

# A tiny CA (EC P-256) that signs an RSA leaf and an EC leaf, and revokes nothing: one CRL.
openssl ecparam -name prime256v1 -genkey -noout -out ca.key
openssl req -new -x509 -key ca.key -subj /CN=import-ca -days 7300 -out ca.pem \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
openssl ecparam -name prime256v1 -genkey -out ec-params.key          # EC PARAMETERS + EC PRIVATE KEY
openssl pkey -in ec-params.key -out ec.key                           # PKCS#8
serial=4096
for k in rsa ec; do
  serial=$((serial + 1))
  openssl req -new -key $k.key -subj /CN=import-$k -out $k.csr
  openssl x509 -req -in $k.csr -CA ca.pem -CAkey ca.key -set_serial $serial -days 7300 -out $k.pem
  rm $k.csr
done
mkdir -p ca-db && : > ca-db/index.txt && echo 01 > ca-db/crlnumber
cat > ca-db/ca.cnf <<CNF
[ca]
default_ca = tiny
[tiny]
database = ca-db/index.txt
crlnumber = ca-db/crlnumber
default_md = sha256
default_crl_days = 7300
CNF
openssl ca -config ca-db/ca.cnf -gencrl -keyfile ca.key -cert ca.pem -out ca.crl.pem
openssl crl -in ca.crl.pem -outform DER -out ca.crl.der
rm -r ca-db

# Certificates: DER, a chain, OpenSSL's TRUSTED CERTIFICATE, PKCS#7 PEM and DER.
openssl x509 -in rsa.pem -outform DER -out rsa.der
cat rsa.pem ca.pem rsa.pem > chain-dup.pem                            # the duplicate is dropped
openssl x509 -in ca.pem -addtrust serverAuth -out ca-trusted.pem
openssl crl2pkcs7 -nocrl -certfile rsa.pem -certfile ca.pem -out chain.p7b.pem
openssl crl2pkcs7 -nocrl -certfile rsa.pem -certfile ca.pem -outform DER -out chain.p7b
openssl crl2pkcs7 -in ca.crl.pem -certfile ca.pem -out ca-with-crl.p7b.pem

# Private keys, every PEM form, clear and encrypted.
openssl rsa -in rsa.key -traditional -out rsa-pkcs1.key
openssl ec -in ec.key -out ec-sec1.key
openssl pkey -in rsa.key -outform DER -out rsa-pkcs8.der
openssl pkcs8 -topk8 -in rsa.key -v2 aes-256-cbc -passout $P -out rsa-enc-pkcs8.key
openssl pkcs8 -topk8 -in ec.key -v2 aes-128-cbc -passout $P -out ec-enc-pkcs8.key
openssl pkcs8 -topk8 -in rsa.key -v1 PBE-SHA1-3DES -passout $P -out rsa-enc-pbes1.key
openssl pkcs8 -topk8 -in ec.key -v2 aes-256-cbc -passout $P -outform DER -out ec-enc-pkcs8.der
for c in des des3 aes128 aes192 aes256; do
  openssl rsa $L -in rsa.key -traditional -$c -passout $P -out rsa-legacy-$c.key
done
openssl ec -in ec.key -aes256 -passout $P -out ec-legacy-aes256.key
openssl ec $L -in ec.key -des3 -passout $P -out ec-legacy-des3.key
cat rsa.pem rsa-legacy-aes256.key > rsa-cert-and-legacy-key.pem       # clear cert + encrypted key
cat rsa.pem rsa.key > rsa-cert-and-key.pem

# PKCS#12: modern (AES-256/PBKDF2, HMAC-SHA256), legacy (RC2-40 + 3DES, SHA-1 MAC), DES, no MAC, empty password.
openssl pkcs12 -export -in rsa.pem -inkey rsa.key -certfile ca.pem -passout $P -out rsa-modern.p12
openssl pkcs12 -export $L -legacy -in rsa.pem -inkey rsa.key -certfile ca.pem -passout $P -out rsa-legacy.p12
openssl pkcs12 -export $L -descert -in ec.pem -inkey ec.key -passout $P -out ec-descert.p12
openssl pkcs12 -export -nomac -in ec.pem -inkey ec.key -passout $P -out ec-nomac.p12
openssl pkcs12 -export -in ec.pem -inkey ec.key -passout pass: -out ec-empty.p12
openssl pkcs12 -export -nokeys -in ca.pem -passout $P -out ca-only.p12
