#!/usr/bin/env python3
"""Generates distinct, realistic, pre-signed WhatsApp webhook bodies for bench/ingest.

Output (one request per line, for wrk.lua):  <X-Hub-Signature-256 value>\t<body>
and a summary JSON with the number of events the bodies hold.

The mix follows what a business number's webhook sees: mostly delivery statuses for outbound
messages, plus inbound customer messages of several types, batched several per POST as Meta does
under load (several statuses per change, sometimes messages and statuses in separate changes of
one POST).

Statuses follow each outbound message's life, as Meta sends them: `sent` for a new message id,
later (in another POST) `delivered`, then `read`; now and then `failed` instead. So about a third
of the status events store a new message id and two thirds move an existing one forward. About 1 %
of the status events repeat one already sent (Meta delivers at least once).

Message ids look like Meta's (`wamid.` + base64-like characters): random, not in arrival order,
so a store indexed by message id gets the random inserts real traffic gives it. Every body is
distinct: the runner generates as many as the run sends (a run that sends more repeats bodies,
and the parser then finds mostly duplicates, which flatters it; `run` warns when that happens).
"""
import argparse
import hashlib
import hmac
import json
import random

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def wamid(rng):
    # 'wamid.' + 44 base64-like characters, random as Meta's are (they encode the recipient and a
    # random 16-byte id, so across recipients they sort in no particular order).
    bits = rng.getrandbits(264)
    chars = []
    for _ in range(44):
        bits, d = divmod(bits, 62)
        chars.append(ALPHABET[d])
    return "wamid.HBgL" + "".join(chars)


PHONE_NUMBER_IDS = ["106540352242922", "106540352242923", "209889021123345"]
NAMES = ["Sheena Nelson", "Kim Park", "Ana Souza", "Ravi Kumar", "Lena Vogel", "Omar Haddad"]


def inbound_message(rng, n, wa_id, ts):
    kind = rng.choices(["text", "image", "reaction", "interactive", "location", "audio", "button"],
                       [60, 10, 8, 8, 4, 6, 4])[0]
    m = {"from": wa_id, "id": wamid(rng), "timestamp": str(ts), "type": kind}
    if kind == "text":
        m["text"] = {"body": "Hello, I have a question about order #%d, can you help? %s" % (n, "x" * rng.randint(0, 120))}
        if rng.random() < 0.1:
            m["context"] = {"from": "15550783881", "id": wamid(rng)}
    elif kind == "image":
        m["image"] = {"caption": "photo %d" % n, "mime_type": "image/jpeg",
                      "sha256": hashlib.sha256(str(n).encode()).hexdigest(), "id": str(10**15 + n)}
    elif kind == "audio":
        m["audio"] = {"mime_type": "audio/ogg; codecs=opus", "sha256": hashlib.sha256(str(n).encode()).hexdigest(),
                      "id": str(2 * 10**15 + n), "voice": True}
    elif kind == "reaction":
        m["reaction"] = {"message_id": wamid(rng), "emoji": "\U0001F44D"}
    elif kind == "interactive":
        m["interactive"] = {"type": "button_reply", "button_reply": {"id": "opt-%d" % (n % 3), "title": "Option %d" % (n % 3)}}
    elif kind == "location":
        m["location"] = {"latitude": 37.4 + rng.random(), "longitude": -122.1 - rng.random(), "name": "Office", "address": "1 Hacker Way"}
    elif kind == "button":
        m["button"] = {"payload": "STOP", "text": "Stop promotions"}
        m["context"] = {"from": "15550783881", "id": wamid(rng)}
    return m


class Outbound:
    """Outbound messages whose statuses are still to come: each gets sent, then delivered, then
    read (2 % fail instead of being delivered), in separate POSTs, in no fixed order across
    messages."""

    NEXT = {"sent": "delivered", "delivered": "read"}

    def __init__(self, rng):
        self.rng = rng
        self.pending = []      # [wamid, recipient, next status]
        self.recent = []       # status events already sent, for the ~1 % repeats

    def status(self, ts):
        rng = self.rng
        if self.recent and rng.random() < 0.01:
            return dict(rng.choice(self.recent))
        if len(self.pending) < 2000 or rng.random() < 0.34:
            entry = [wamid(rng), "1650555%04d" % rng.randint(0, 9999), "sent"]
            self.pending.append(entry)
            i = len(self.pending) - 1
        else:
            i = rng.randrange(len(self.pending))
            entry = self.pending[i]
            if entry[2] == "delivered" and rng.random() < 0.02:
                entry[2] = "failed"
        st = entry[2]
        s = {"id": entry[0], "status": st, "timestamp": str(ts), "recipient_id": entry[1]}
        if st != "failed":
            s["pricing"] = {"billable": True, "pricing_model": "PMP", "type": "regular", "category": "utility"}
        else:
            s["errors"] = [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable",
                            "error_data": {"details": "Message Undeliverable."}}]
        nxt = self.NEXT.get(st)
        if nxt is None:
            # read or failed: this message's statuses are done
            self.pending[i] = self.pending[-1]
            self.pending.pop()
        else:
            entry[2] = nxt
        self.recent.append(s)
        if len(self.recent) > 1000:
            self.recent = self.recent[500:]
        return s


def body(rng, outbound, n, events_target):
    pnid = rng.choice(PHONE_NUMBER_IDS)
    value_base = {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "1555078%04d" % (int(pnid) % 10000), "phone_number_id": pnid}}
    changes = []
    events = 0
    ts = 1749416383 + n // 100
    while events < events_target:
        if rng.random() < 0.3:
            wa_id = "1650555%04d" % rng.randint(0, 9999)
            count = rng.randint(1, 3)
            v = dict(value_base)
            v["contacts"] = [{"profile": {"name": rng.choice(NAMES)}, "wa_id": wa_id}]
            v["messages"] = [inbound_message(rng, n * 100 + events + i, wa_id, ts) for i in range(count)]
        else:
            count = rng.randint(2, 8)
            v = dict(value_base)
            v["statuses"] = [outbound.status(ts) for _ in range(count)]
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
    outbound = Outbound(rng)
    total = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.count):
            b, events = body(rng, outbound, n, rng.randint(1, 8))
            raw = json.dumps(b, separators=(",", ":"), ensure_ascii=False).encode()
            sig = "sha256=" + hmac.new(args.secret.encode(), raw, hashlib.sha256).hexdigest()
            out.write(sig + "\t" + raw.decode() + "\n")
            total += events
    with open(args.out + ".json", "w") as meta:
        json.dump({"bodies": args.count, "events": total, "events_per_body": total / args.count}, meta)
    print(json.dumps({"bodies": args.count, "events": total, "events_per_body": round(total / args.count, 2)}))


if __name__ == "__main__":
    main()
