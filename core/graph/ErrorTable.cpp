#include "graph/ErrorTable.h"

namespace parley::core {

namespace {

using A = ErrorAction;
using S = RetryScope;

struct Row
{
    int code;
    bool retryable;
    ErrorAction action;
    RetryScope scope;
    bool throttle;
    const char *meaning;
};

// FACTS.md §9.2. R = retryable by the scheduler; "later" codes (131048, 131049) tell the agent to
// retry later but are never resent automatically (hammering makes them worse).
constexpr Row kRows[] = {
    {0, false, A::Reauthenticate, S::None, false,
        "cannot authenticate app user (token expired or invalidated)"},
    {1, true, A::RetryLater, S::Request, false, "invalid request or possible server error"},
    {2, true, A::RetryLater, S::Request, false, "temporary downtime or overload"},
    {3, false, A::Config, S::None, false, "capability or permission issue"},
    {4, true, A::RetryLater, S::Number, true, "too many calls (app rate limit)"},
    {10, false, A::Config, S::None, false, "permission denied"},
    {17, true, A::RetryLater, S::Number, true, "user request limit reached"},
    {33, false, A::Config, S::None, false,
        "parameter value not valid (business phone number deleted)"},
    {100, false, A::FixRequest, S::None, false, "invalid parameter"},
    {190, false, A::Reauthenticate, S::None, false, "access token expired"},
    {200, false, A::Reauthenticate, S::None, false, "no access token"},
    {368, false, A::Config, S::None, false, "temporarily blocked for policy violations"},
    {80007, true, A::RetryLater, S::Number, true, "WABA rate limit reached"},
    {130403, false, A::ContactUnreachable, S::None, false, "business has blocked this user"},
    {130429, true, A::RetryLater, S::Number, true, "throughput rate limit hit"},
    {130472, false, A::ContactUnreachable, S::None, false,
        "user's number is part of an experiment"},
    {130497, false, A::Config, S::None, false,
        "business restricted from messaging users in this country"},
    {131000, true, A::RetryLater, S::Request, false, "something went wrong"},
    {131005, false, A::Config, S::None, false, "access denied"},
    {131008, false, A::FixRequest, S::None, false, "required parameter missing"},
    {131009, false, A::FixRequest, S::None, false, "parameter value not valid"},
    {131016, true, A::RetryLater, S::Request, false, "service unavailable"},
    {131021, false, A::FixRequest, S::None, false, "recipient cannot be sender"},
    {131026, false, A::ContactUnreachable, S::None, false, "message undeliverable"},
    {131030, false, A::Config, S::None, false, "recipient not in allowed list"},
    {131031, false, A::Config, S::None, false, "business account locked"},
    {131037, false, A::Config, S::None, false, "display name not approved"},
    {131042, false, A::Config, S::None, false, "business eligibility payment issue"},
    {131045, false, A::Config, S::None, false, "incorrect certificate / registration error"},
    {131047, false, A::SendTemplate, S::None, false, "more than 24 h since the user last replied"},
    {131048, false, A::RetryLater, S::None, false, "spam rate limit hit"},
    {131049, false, A::RetryLater, S::None, false,
        "not delivered to keep a healthy ecosystem (retry >= 24 h later)"},
    {131050, false, A::OptedOut, S::None, false, "user stopped marketing messages"},
    {131051, false, A::FixRequest, S::None, false, "unsupported message type"},
    {131052, false, A::ContactUnreachable, S::None, false, "media download error"},
    {131053, false, A::FixRequest, S::None, false, "media upload error"},
    {131056, true, A::RetryLater, S::Recipient, true, "pair rate limit hit"},
    {131057, true, A::RetryLater, S::Number, true, "account in maintenance mode"},
    {131062, false, A::FixRequest, S::None, false, "BSUID not supported for this message"},
    {131063, false, A::Config, S::None, false, "marketing templates disabled on Cloud API"},
    {131064, false, A::Config, S::None, false,
        "messaging limit hit (template classification violations)"},
    {132000, false, A::FixRequest, S::None, false, "template parameter count mismatch"},
    {132001, false, A::FixRequest, S::None, false, "template does not exist or is not approved"},
    {132005, false, A::FixRequest, S::None, false, "template hydrated text too long"},
    {132007, false, A::FixRequest, S::None, false, "template format character policy violated"},
    {132012, false, A::FixRequest, S::None, false, "template parameter format mismatch"},
    {132015, false, A::Config, S::None, false, "template paused"},
    {132016, false, A::Config, S::None, false, "template disabled"},
    {132068, false, A::Config, S::None, false, "flow blocked"},
    {132069, false, A::RetryLater, S::None, false, "flow throttled"},
    {133016, false, A::RetryLater, S::None, false, "register/deregister rate limit"},
    {134011, false, A::Config, S::None, false, "WhatsApp Payments terms not accepted"},
    {135000, false, A::FixRequest, S::None, false, "generic user error"},
    {2494100, true, A::RetryLater, S::Number, true, "account in maintenance mode (migration)"},
};

ErrorClass fromRow(const Row &r)
{
    return ErrorClass{r.retryable, r.action, r.scope, r.throttle, r.meaning};
}

} // namespace

ErrorClass ErrorTable::classifyCode(int code, int httpStatus)
{
    for (const Row &r : kRows) {
        if (r.code == code)
            return fromRow(r);
    }
    if (code > 200 && code < 300)
        return {false, A::Config, S::None, false, "API permission"};
    if (code >= 133000 && code <= 133015)
        return {false, A::Config, S::None, false, "registration or two-step PIN error"};
    if (code >= 2388000 && code < 2389000)
        return {false, A::FixRequest, S::None, false, "template creation error"};
    // Not in the table: only a server-side HTTP status makes an unknown code worth retrying.
    if (httpStatus >= 500)
        return {true, A::RetryLater, S::Request, false, "server error"};
    return {false, A::FixRequest, S::None, false, "unknown error"};
}

ErrorClass ErrorTable::classify(const GraphError &error)
{
    switch (error.origin) {
    case GraphError::Origin::None: return {};
    case GraphError::Origin::Network:
        return {true, A::RetryLater, S::Request, false, "no answer from the server"};
    case GraphError::Origin::Local:
        switch (error.code) {
        case LocalError::WindowClosed:
            return {false, A::SendTemplate, S::None, false, "customer service window closed"};
        case LocalError::NoToken:
            return {false, A::Reauthenticate, S::None, false, "no access token configured"};
        case LocalError::UnknownAfterCrash:
            return {false, A::RetryLater, S::None, false, "outcome unknown after a crash"};
        case LocalError::Cancelled: return {false, A::None, S::None, false, "cancelled"};
        default: return {false, A::FixRequest, S::None, false, "refused before sending"};
        }
    case GraphError::Origin::Graph:
    case GraphError::Origin::Webhook: break;
    }
    const bool envelope = error.code != 0 || !error.type.isEmpty() || !error.message.isEmpty();
    if (error.origin == GraphError::Origin::Graph && !envelope) {
        // An answer without Meta's envelope (a proxy, a load balancer): the status is all we have.
        if (error.httpStatus >= 500)
            return {true, A::RetryLater, S::Request, false, "server error without an envelope"};
        if (error.httpStatus == 429)
            return {true, A::RetryLater, S::Number, true, "throttled without an envelope"};
        if (error.httpStatus == 401)
            return {false, A::Reauthenticate, S::None, false, "unauthorized"};
        return {false, A::FixRequest, S::None, false, "error without an envelope"};
    }
    return classifyCode(error.code, error.httpStatus);
}

bool ErrorTable::isAsyncFailure(int code)
{
    switch (code) {
    case 130472:
    case 131009:
    case 131026:
    case 131047:
    case 131049:
    case 131050:
    case 131053: return true;
    default: return false;
    }
}

} // namespace parley::core
