"""Twenty's HS256 tokens with Debian's PyJWT (python3-jwt), for tests/api/pyjwt.test.js.

Key derivation (spec/twenty-api.md 6.3): key = lower-case hex of
sha256(APP_SECRET + (workspaceId claim, else userId claim) + type claim), and those 64 hex
characters, as bytes, are the HMAC key.

  pyjwt.py verify SECRET TOKEN   -> the payload as JSON (exit 0), or the error (exit 1)
  pyjwt.py sign SECRET PAYLOAD [VARIANT]  -> a token for the JSON payload; VARIANT
      "digest-bytes" or "upper-hex" derives the key wrongly on purpose
"""
import hashlib
import json
import sys

import jwt


def key(secret, payload, variant="twenty"):
    body = payload.get("workspaceId") or payload.get("userId")
    digest = hashlib.sha256((secret + body + payload["type"]).encode())
    # Derivations that are wrong on purpose, which twentyc must refuse.
    if variant == "digest-bytes":
        return digest.digest()
    if variant == "upper-hex":
        return digest.hexdigest().upper().encode()
    return digest.hexdigest().encode()


def main(argv):
    cmd, secret, arg = argv[1], argv[2], argv[3]
    if cmd == "sign":
        payload = json.loads(arg)
        variant = argv[4] if len(argv) > 4 else "twenty"
        print(jwt.encode(payload, key(secret, payload, variant), algorithm="HS256"))
        return 0
    if cmd == "verify":
        # The claims choose the key: read them unverified first, then verify for real.
        claims = jwt.decode(arg, options={"verify_signature": False})
        try:
            payload = jwt.decode(arg, key(secret, claims), algorithms=["HS256"],
                                 options={"require": ["exp", "iat"]})
        except jwt.PyJWTError as e:
            print("%s: %s" % (type(e).__name__, e))
            return 1
        print(json.dumps({"header": jwt.get_unverified_header(arg), "payload": payload}))
        return 0
    print("unknown command " + cmd, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
