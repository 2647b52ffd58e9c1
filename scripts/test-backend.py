#!/usr/bin/env python3
"""Drives every route of the example service (Examples/Backend) with real HTTP requests.

Run by scripts/test-backend.sh with the base URLs of two replicas of the running service (the
second one takes half of the concurrent requests, as a load balancer would). Prints one line per
failed check and a summary `N passed, N failed`; exits non-zero when a check failed.
Every request is bounded by a timeout; nothing runs longer than the checks need.
"""
import concurrent.futures
import json
import sys
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1]
OTHER = sys.argv[2] if len(sys.argv) > 2 else BASE
passed = 0
failed = 0
statuses = []


def request(method, path, body=None, base=None, raw=None):
    """(status, parsed JSON or None, raw text) of one request."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request((base or BASE) + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    statuses.append(status)
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return status, parsed, text


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {name} {detail}", file=sys.stderr)


def error_code(body):
    return (body or {}).get("error", {}).get("code")


def no_sql(text):
    """A response never shows SQL or the server's own wording."""
    lowered = text.lower()
    return not any(word in lowered for word in ("insert into", "select ", "update app_", "violates", "sqlstate", "relation "))


# --- health -------------------------------------------------------------------------------
status, body, _ = request("GET", "/health")
check("GET /health", status == 200 and body == {"status": "ok"}, f"{status} {body}")

# --- clients: create ----------------------------------------------------------------------
run = uuid.uuid4().hex[:8]
status, alice, text = request("POST", "/clients", {"name": "Toko Alice", "email": f"alice-{run}@example.com", "credits": 5})
check("POST /clients creates a client", status == 201 and alice and alice.get("name") == "Toko Alice", f"{status} {text}")
check("a new client has the column names and defaults (null fields left out)", alice and alice.get("plan") == "free" and "created_at" in alice and "phone" not in alice, text)
check("dates are ISO 8601", alice and str(alice.get("created_at", "")).endswith("Z"), text)
alice_id = (alice or {}).get("id", str(uuid.uuid4()))

status, bob, text = request("POST", "/clients", {"name": "Toko Bob", "email": f"bob-{run}@example.com", "plan": "business", "phone": "+62811", "credits": 40})
check("POST /clients with every field", status == 201 and bob and bob.get("plan") == "business" and bob.get("phone") == "+62811", f"{status} {text}")
bob_id = (bob or {}).get("id", str(uuid.uuid4()))

status, body, text = request("POST", "/clients", {"name": "Someone Else", "email": f"alice-{run}@example.com"})
check("a duplicate e-mail is 409", status == 409 and error_code(body) == "already_exists", f"{status} {text}")
check("naming the constraint", body and body["error"].get("constraint") == "app_clients_email_key", text)
check("without SQL", no_sql(text), text)

status, body, text = request("POST", "/clients", {"name": "   ", "email": f"blank-{run}@example.com"})
check("a blank name is 422 (check constraint)", status == 422 and body and body["error"].get("constraint") == "app_clients_name_length", f"{status} {text}")
status, body, text = request("POST", "/clients", {"name": "x" * 201, "email": f"long-{run}@example.com"})
check("a name over 200 characters is 422", status == 422 and error_code(body) == "invalid_value", f"{status} {text}")
status, body, text = request("POST", "/clients", {"name": "Bad Mail", "email": "not an address"})
check("a malformed e-mail is 422", status == 422 and body and body["error"].get("constraint") == "app_clients_email_shape", f"{status} {text}")
check("without SQL", no_sql(text), text)
status, body, text = request("POST", "/clients", {"name": "No Mail"})
check("a missing field is 422", status == 422 and error_code(body) == "invalid_body" and "email" in body["error"]["message"], f"{status} {text}")
status, body, text = request("POST", "/clients", {"name": "Gold", "email": f"gold-{run}@example.com", "plan": "gold"})
check("an unknown plan is 422", status == 422 and error_code(body) == "invalid_body", f"{status} {text}")
status, body, text = request("POST", "/clients", raw=b"{not json")
check("a body that is not JSON is 422", status == 422 and error_code(body) == "invalid_body", f"{status} {text}")
status, body, text = request("POST", "/clients", {"name": "Negative", "email": f"neg-{run}@example.com", "credits": -1})
check("a negative opening balance is 409 and creates nothing", status == 409 and error_code(body) == "insufficient_credits", f"{status} {text}")
status, body, _ = request("GET", "/clients?limit=100")
check("the refused client was not created (one transaction)", status == 200 and all(c["email"] != f"neg-{run}@example.com" for c in body["items"]))

# --- clients: read ------------------------------------------------------------------------
status, body, text = request("GET", f"/clients/{alice_id}")
check("GET /clients/:id", status == 200 and body == alice, f"{status} {text}")
status, body, text = request("GET", f"/clients/{uuid.uuid4()}")
check("an unknown id is 404", status == 404 and error_code(body) == "not_found", f"{status} {text}")
status, _, text = request("GET", "/clients/not-a-uuid")
check("a malformed id is 400", status == 400, f"{status} {text}")

# --- clients: update ----------------------------------------------------------------------
status, body, text = request("PATCH", f"/clients/{alice_id}", {"name": "Toko Alice Baru", "phone": "+62812"})
check("PATCH sets the fields given", status == 200 and body and body["name"] == "Toko Alice Baru" and body["phone"] == "+62812", f"{status} {text}")
check("and only those", body and body["email"] == alice["email"] and body["plan"] == "free", text)
check("updated_at moves", body and body["updated_at"] >= alice["updated_at"] and body["created_at"] == alice["created_at"], text)
status, body, text = request("PATCH", f"/clients/{alice_id}", {"phone": None})
check("PATCH with null clears a nullable field", status == 200 and body and body.get("phone") is None, f"{status} {text}")
status, body, text = request("PATCH", f"/clients/{alice_id}", {"email": bob["email"] if bob else "x"})
check("PATCH to another client's e-mail is 409", status == 409 and error_code(body) == "already_exists", f"{status} {text}")
status, body, text = request("PATCH", f"/clients/{alice_id}", {"name": ""})
check("PATCH to a blank name is 422", status == 422 and error_code(body) == "invalid_value", f"{status} {text}")
status, body, text = request("PATCH", f"/clients/{uuid.uuid4()}", {"name": "Nobody"})
check("PATCH of an unknown id is 404", status == 404, f"{status} {text}")
status, body, text = request("PATCH", f"/clients/{alice_id}", {})
check("an empty PATCH changes nothing", status == 200 and body and body["name"] == "Toko Alice Baru", f"{status} {text}")

# --- clients: list (paged) ------------------------------------------------------------------
for n in range(23):
    request("POST", "/clients", {"name": f"Page {n:02}", "email": f"page-{n:02}-{run}@example.com"})
status, first, text = request("GET", "/clients?limit=10")
check("GET /clients pages", status == 200 and len(first["items"]) == 10 and first["limit"] == 10 and first["offset"] == 0, f"{status} {text[:300]}")
total = first["total"] if first else 0
check("with the total", total == 25, f"total {total}")
pages = []
for offset in range(0, total, 10):
    status, page, _ = request("GET", f"/clients?limit=10&offset={offset}")
    pages += [c["email"] for c in page["items"]]
check("pages cover every client once, by e-mail", pages == sorted(pages) and len(set(pages)) == total == len(pages), f"{len(pages)} {total}")
status, body, text = request("GET", "/clients?limit=0")
check("limit 0 is 422", status == 422 and error_code(body) == "invalid_query", f"{status} {text}")
status, body, text = request("GET", "/clients?limit=abc")
check("a limit that is not a number is 422", status == 422, f"{status} {text}")
status, body, text = request("GET", "/clients?offset=-1")
check("a negative offset is 422", status == 422, f"{status} {text}")

# --- knowledge base -----------------------------------------------------------------------
articles = [
    (alice_id, "Refund policy", "Refunds are paid within 30 days of a return."),
    (alice_id, "Opening hours", "We are open from nine to five."),
    (bob_id, "Refund policy of Bob", "Bob refunds nothing, ever."),
]
for client, title, text_body in articles:
    status, body, text = request("POST", f"/clients/{client}/knowledge", {"title": title, "body": text_body})
    check("POST /clients/:id/knowledge", status == 201 and body and body["title"] == title and "search_vector" not in body, f"{status} {text}")
status, body, text = request("GET", f"/clients/{alice_id}/knowledge/search?q=refund")
check("search finds the client's article", status == 200 and [a["title"] for a in body] == ["Refund policy"], f"{status} {text}")
check("and never another client's", all(a["client_id"] == alice_id for a in body or []), text)
status, body, text = request("GET", f"/clients/{bob_id}/knowledge/search?q=refund%20OR%20hours")
check("search in another client's base", status == 200 and [a["title"] for a in body] == ["Refund policy of Bob"], f"{status} {text}")
status, body, text = request("GET", f"/clients/{alice_id}/knowledge/search?q=%22open%20from%22%20-refund")
check("web search syntax (phrase, minus)", status == 200 and [a["title"] for a in body] == ["Opening hours"], f"{status} {text}")
status, body, text = request("GET", f"/clients/{alice_id}/knowledge/search")
check("search without q is 422", status == 422, f"{status} {text}")
status, body, text = request("GET", f"/clients/{uuid.uuid4()}/knowledge/search?q=refund")
check("search of an unknown client is 404", status == 404, f"{status} {text}")
status, body, text = request("POST", f"/clients/{alice_id}/knowledge", {"title": " ", "body": "x"})
check("a blank title is 422", status == 422 and body and body["error"].get("constraint") == "app_knowledge_base_title_length", f"{status} {text}")
status, body, text = request("POST", f"/clients/{uuid.uuid4()}/knowledge", {"title": "t", "body": "b"})
check("an article for an unknown client is 404", status == 404, f"{status} {text}")

# --- conversations and the atomic message + credit ------------------------------------------
status, conversation, text = request("POST", f"/clients/{alice_id}/conversations", {"customer": "Budi"})
check("POST /clients/:id/conversations", status == 201 and conversation and conversation["client_id"] == alice_id, f"{status} {text}")
conversation_id = (conversation or {}).get("id", str(uuid.uuid4()))
status, body, text = request("GET", f"/conversations/{conversation_id}")
check("GET /conversations/:id", status == 200 and body == conversation, f"{status} {text}")
status, body, text = request("POST", f"/clients/{uuid.uuid4()}/conversations", {"customer": "x"})
check("a conversation for an unknown client is 404", status == 404, f"{status} {text}")

status, body, text = request("POST", f"/conversations/{conversation_id}/messages", {"role": "customer", "body": ""})
check("an empty message is 422", status == 422 and body and body["error"].get("constraint") == "app_messages_body_not_empty", f"{status} {text}")
status, body, _ = request("GET", f"/clients/{alice_id}/credits")
check("and its deduction was rolled back with it", status == 200 and body["balance"] == 5, f"{body}")


def send(n):
    base = BASE if n % 2 == 0 else OTHER
    return request("POST", f"/conversations/{conversation_id}/messages", {"role": "customer", "body": f"message {n}"}, base=base)


# 5 credits, 20 messages at once, over two replicas: exactly 5 are recorded, 15 refused with 409.
with concurrent.futures.ThreadPoolExecutor(max_workers=20) as executor:
    results = list(executor.map(send, range(20)))
created = [body for status, body, _ in results if status == 201]
refused = [body for status, body, _ in results if status == 409]
check("concurrent messages: as many recorded as there were credits", len(created) == 5, f"{[s for s, _, _ in results]}")
check("the rest refused with 409 insufficient_credits", len(refused) == 15 and all(error_code(b) == "insufficient_credits" for b in refused))
check("each deduction saw its own balance (none lost, none twice)", sorted(b["balance"] for b in created) == [0, 1, 2, 3, 4], f"{[b['balance'] for b in created]}")
status, body, _ = request("GET", f"/clients/{alice_id}/credits")
check("the balance is 0", status == 200 and body["balance"] == 0, f"{body}")
status, body, text = request("GET", f"/conversations/{conversation_id}/messages?limit=100")
check("the conversation holds exactly the recorded messages", status == 200 and body["total"] == 5 and sorted(m["id"] for m in body["items"]) == sorted(b["message"]["id"] for b in created), f"{status} {text[:300]}")
status, body, _ = request("GET", f"/conversations/{conversation_id}/messages?limit=2&offset=4")
check("messages page", status == 200 and len(body["items"]) == 1 and body["total"] == 5, f"{body}")

# 40 credits, 40 messages at once: all recorded, balance 0, every balance seen once.
status, conversation_b, _ = request("POST", f"/clients/{bob_id}/conversations", {"customer": "Sari"})
conversation_b_id = (conversation_b or {}).get("id", str(uuid.uuid4()))


def send_b(n):
    base = BASE if n % 2 == 0 else OTHER
    return request("POST", f"/conversations/{conversation_b_id}/messages", {"role": "assistant", "body": f"reply {n}"}, base=base)


with concurrent.futures.ThreadPoolExecutor(max_workers=20) as executor:
    results = list(executor.map(send_b, range(40)))
check("40 concurrent messages on 40 credits: all recorded", [s for s, _, _ in results].count(201) == 40, f"{[s for s, _, _ in results]}")
check("every balance from 39 down to 0 seen once", sorted(b["balance"] for s, b, _ in results if s == 201) == list(range(40)))
status, body, _ = request("GET", f"/clients/{bob_id}/credits")
check("the balance is 0", status == 200 and body["balance"] == 0, f"{body}")
status, body, text = request("POST", f"/conversations/{uuid.uuid4()}/messages", {"role": "customer", "body": "hi"})
check("a message to an unknown conversation is 404", status == 404, f"{status} {text}")
status, body, text = request("POST", f"/conversations/{conversation_id}/messages", {"role": "robot", "body": "hi"})
check("an unknown role is 422", status == 422, f"{status} {text}")

# --- clients: delete ------------------------------------------------------------------------
status, _, text = request("DELETE", f"/clients/{alice_id}")
check("DELETE /clients/:id is 204", status == 204, f"{status} {text}")
status, _, _ = request("GET", f"/clients/{alice_id}")
check("the client is gone", status == 404)
status, _, _ = request("GET", f"/conversations/{conversation_id}")
check("with its conversations (the foreign keys cascade)", status == 404)
status, _, _ = request("DELETE", f"/clients/{alice_id}")
check("deleting it again is 404", status == 404)

check("no request was answered with a 500", 500 not in statuses, f"{statuses}")
print(f"routes: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
