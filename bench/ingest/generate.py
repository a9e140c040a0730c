#!/usr/bin/env python3
"""Generates distinct, realistic, pre-signed WhatsApp webhook bodies for bench/ingest.

Output (one request per line, for wrk.lua):  <X-Hub-Signature-256 value>\t<body>
and a summary JSON with the number of events the bodies hold.

The mix follows what a business number's webhook sees: mostly delivery statuses (sent /
delivered / read, now and then failed) for outbound messages, plus inbound customer messages
of several types, batched several per POST as Meta does under load (several statuses per
change, sometimes messages and statuses in separate changes of one POST).
"""
import argparse
import hashlib
import hmac
import json
import random


def wamid(rng, n):
    return "wamid.HBgL%012d%s" % (n, "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(20)))


PHONE_NUMBER_IDS = ["106540352242922", "106540352242923", "209889021123345"]
NAMES = ["Sheena Nelson", "Kim Park", "Ana Souza", "Ravi Kumar", "Lena Vogel", "Omar Haddad"]


def inbound_message(rng, n, wa_id, ts):
    kind = rng.choices(["text", "image", "reaction", "interactive", "location", "audio", "button"],
                       [60, 10, 8, 8, 4, 6, 4])[0]
    m = {"from": wa_id, "id": wamid(rng, n), "timestamp": str(ts), "type": kind}
    if kind == "text":
        m["text"] = {"body": "Hello, I have a question about order #%d, can you help? %s" % (n, "x" * rng.randint(0, 120))}
        if rng.random() < 0.1:
            m["context"] = {"from": "15550783881", "id": wamid(rng, n + 7)}
    elif kind == "image":
        m["image"] = {"caption": "photo %d" % n, "mime_type": "image/jpeg",
                      "sha256": hashlib.sha256(str(n).encode()).hexdigest(), "id": str(10**15 + n)}
    elif kind == "audio":
        m["audio"] = {"mime_type": "audio/ogg; codecs=opus", "sha256": hashlib.sha256(str(n).encode()).hexdigest(),
                      "id": str(2 * 10**15 + n), "voice": True}
    elif kind == "reaction":
        m["reaction"] = {"message_id": wamid(rng, n + 3), "emoji": "\U0001F44D"}
    elif kind == "interactive":
        m["interactive"] = {"type": "button_reply", "button_reply": {"id": "opt-%d" % (n % 3), "title": "Option %d" % (n % 3)}}
    elif kind == "location":
        m["location"] = {"latitude": 37.4 + rng.random(), "longitude": -122.1 - rng.random(), "name": "Office", "address": "1 Hacker Way"}
    elif kind == "button":
        m["button"] = {"payload": "STOP", "text": "Stop promotions"}
        m["context"] = {"from": "15550783881", "id": wamid(rng, n + 11)}
    return m


def status(rng, n, wa_id, ts):
    st = rng.choices(["sent", "delivered", "read", "failed"], [35, 35, 28, 2])[0]
    s = {"id": wamid(rng, n), "status": st, "timestamp": str(ts), "recipient_id": wa_id}
    if st != "failed":
        s["pricing"] = {"billable": True, "pricing_model": "PMP", "type": "regular", "category": "utility"}
    else:
        s["errors"] = [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable",
                        "error_data": {"details": "Message Undeliverable."}}]
    return s


def body(rng, n, events_target):
    pnid = rng.choice(PHONE_NUMBER_IDS)
    value_base = {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "1555078%04d" % (int(pnid) % 10000), "phone_number_id": pnid}}
    changes = []
    events = 0
    ts = 1749416383 + n
    while events < events_target:
        wa_id = "1650555%04d" % rng.randint(0, 9999)
        if rng.random() < 0.3:
            count = rng.randint(1, 3)
            v = dict(value_base)
            v["contacts"] = [{"profile": {"name": rng.choice(NAMES)}, "wa_id": wa_id}]
            v["messages"] = [inbound_message(rng, n * 100 + events + i, wa_id, ts) for i in range(count)]
        else:
            count = rng.randint(2, 8)
            v = dict(value_base)
            v["statuses"] = [status(rng, n * 100 + events + i, wa_id, ts) for i in range(count)]
        changes.append({"value": v, "field": "messages"})
        events += count
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": changes}]}, events


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--secret", default="bench-app-secret")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    total = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.count):
            b, events = body(rng, n, rng.randint(1, 8))
            raw = json.dumps(b, separators=(",", ":"), ensure_ascii=False).encode()
            sig = "sha256=" + hmac.new(args.secret.encode(), raw, hashlib.sha256).hexdigest()
            out.write(sig + "\t" + raw.decode() + "\n")
            total += events
    with open(args.out + ".json", "w") as meta:
        json.dump({"bodies": args.count, "events": total, "events_per_body": total / args.count}, meta)
    print(json.dumps({"bodies": args.count, "events": total, "events_per_body": round(total / args.count, 2)}))


if __name__ == "__main__":
    main()
