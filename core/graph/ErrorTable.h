#pragma once

#include "graph/GraphError.h"

namespace parley::core {

// Who has to slow down when an error is retryable.
enum class RetryScope {
    None, // not retried automatically
    Request, // this request only (5xx, 131000, network)
    Recipient, // the pair rate: only this recipient waits (131056)
    Number, // the whole business number waits (4, 80007, 130429, 131057)
};

struct ErrorClass
{
    bool retryable = false; // the scheduler may resend automatically
    ErrorAction action = ErrorAction::None;
    RetryScope scope = RetryScope::None;
    bool throttle = false; // Meta's 4^X backoff applies (throttling codes)
    const char *meaning = ""; // one line for operators
};

// FACTS.md §9.2 as one table, keyed by error.code. Codes not in the table fall back on the
// origin: network errors and unknown codes with HTTP 5xx are retryable, everything else is a
// permanent fix_request. tests/graph/tst_errortable.cpp checks it against Meta's documented bodies.
class ErrorTable
{
public:
    static ErrorClass classify(const GraphError &error);
    static ErrorClass classifyCode(int code, int httpStatus = 0);
    // Meta's asynchronous failures that arrive as `failed` status webhooks (FACTS.md §6.4).
    static bool isAsyncFailure(int code);
};

} // namespace parley::core
