package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.RealHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.healthycities.support.TestUsers;
import org.healthycities.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application maps (found in Spring's handler mappings, so a new route cannot be missed) ×
 * every kind of caller, against a rule table. "Allowed" means really served: a page, a file, a redirect to
 * somewhere other than the login, or (for a POST) the handler's own refusal of the harmless input we send
 * (409/410/422). "Denied" means 401, 403, 404 or a redirect to the login. Path variables are real ids of
 * real records; a caller without a link of the route's kind sends a well-formed random one, as an outsider
 * guessing would.
 */
@IntegrationTest
class AuthorizationMatrixIT {

    enum Role { ANONYMOUS, PARTICIPANT, APPLICANT, COORDINATOR, SECRETARIAT, BOARD, ADMIN, OTHER_SECRETARIAT }

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    static final Set<Role> LOGGED_IN = EnumSet.of(Role.SECRETARIAT, Role.OTHER_SECRETARIAT, Role.BOARD, Role.ADMIN);
    /** Pages that list what the caller may see: each secretariat sees its own networks' records there. */
    static final Set<Role> STAFF_OWN = EnumSet.of(Role.SECRETARIAT, Role.OTHER_SECRETARIAT, Role.ADMIN);
    /** A record of the first network: its secretariat and the admin, not the other network's secretariat. */
    static final Set<Role> STAFF = EnumSet.of(Role.SECRETARIAT, Role.ADMIN);

    /**
     * One line of the table. {@code refusedInPage}: callers the page itself turns away (with a message, as for
     * a board member's claim of a secretariat's task), checked by the record's state being unchanged.
     */
    record Rule(String method, String pattern, Set<Role> allowed, Set<Role> refusedInPage, String state) {
        Rule(String method, String pattern, Set<Role> allowed) {
            this(method, pattern, allowed, Set.of(), null);
        }

        boolean matches(String m, String path) {
            return (method.equals("*") || method.equals(m)) && MATCHER.match(pattern, path);
        }
    }

    static final AntPathMatcher MATCHER = new AntPathMatcher();

    /** First match wins. A route without a rule fails the test. */
    static final List<Rule> RULES = List.of(
            new Rule("*", "/", EVERYONE),
            new Rule("*", "/login", EVERYONE),
            new Rule("*", "/login/unlock/{token}", EVERYONE), // an unknown link gets the page that says so
            new Rule("*", "/login/forgot", EVERYONE),          // the same answer for any address
            // nobody here holds a password link: a guessed one is not found (and counted by the guess limiter)
            new Rule("*", "/login/password/{token}", EnumSet.noneOf(Role.class)),
            new Rule("*", "/error", EVERYONE, Set.of(), "error page"),
            new Rule("GET", "/actuator/health/**", EVERYONE),
            new Rule("GET", "/actuator/health", EVERYONE),
            new Rule("GET", "/actuator", STAFF_OWN),
            new Rule("*", "/home", LOGGED_IN),
            // applicants: the form is public, the receipt and the application only with their own key/link
            new Rule("*", "/apply", EVERYONE),
            new Rule("*", "/apply/{networkId}", EVERYONE),
            new Rule("*", "/apply/{networkId}/municipalities", EVERYONE),
            new Rule("*", "/apply/received/{key}", EnumSet.of(Role.APPLICANT)),
            new Rule("*", "/application/{token}/**", EnumSet.of(Role.APPLICANT)),
            new Rule("*", "/application/{token}", EnumSet.of(Role.APPLICANT)),
            // workshop participants: the code is typed by anyone, the sheet only with the participant's link
            new Rule("*", "/join", EVERYONE),
            new Rule("*", "/join/group", EVERYONE),
            new Rule("*", "/join/s/**", EnumSet.of(Role.PARTICIPANT)),
            // coordinators
            new Rule("*", "/evaluation/{token}/**", EnumSet.of(Role.COORDINATOR)),
            new Rule("*", "/evaluation/{token}", EnumSet.of(Role.COORDINATOR)),
            // the forms engine's public demo, and its condition check used by public forms
            new Rule("*", "/forms/sample", EVERYONE),
            new Rule("*", "/forms/sample/t/{token}", EVERYONE),
            new Rule("POST", "/forms/{formId}/conditions", EVERYONE),
            new Rule("GET", "/forms/{formId}/submissions.*", STAFF_OWN),
            // surveys: a member's coordinator with the member's link; the open link is for anyone who has it
            new Rule("*", "/survey/open/{openToken}", EVERYONE),
            new Rule("*", "/survey/{token}", EnumSet.of(Role.COORDINATOR)),
            // the designer's and the surveys' lists and their "new" forms (another network is refused in the page)
            new Rule("*", "/forms/designer", STAFF_OWN),
            new Rule("POST", "/forms/designer/import", STAFF_OWN),
            new Rule("*", "/forms/designer/**", STAFF),
            new Rule("*", "/surveys", STAFF_OWN),
            new Rule("GET", "/surveys/new", STAFF_OWN),
            new Rule("*", "/surveys/**", STAFF),
            // staff
            new Rule("*", "/admin/**", EnumSet.of(Role.ADMIN)),
            // the admin and the secretariat leads (StaffUsersIT proves a lead's limits); no caller here is a lead
            new Rule("*", "/staff/**", EnumSet.of(Role.ADMIN)),
            new Rule("GET", "/tasks", LOGGED_IN),
            // the board sees its network's tasks, but cannot work a secretariat's task
            new Rule("GET", "/tasks/{id}", EnumSet.of(Role.SECRETARIAT, Role.BOARD, Role.ADMIN)),
            // the application's documents: its secretariat; the board only on its own board task (not this one)
            new Rule("GET", "/tasks/{id}/documents/{documentId}", STAFF),
            new Rule("*", "/tasks/**", STAFF, Set.of(Role.BOARD), "task"),
            new Rule("GET", "/members", STAFF_OWN),
            new Rule("GET", "/members/export.*", STAFF_OWN), // a list of the caller's own networks' members
            new Rule("GET", "/api/members", STAFF_OWN),
            new Rule("GET", "/network", STAFF_OWN),
            new Rule("GET", "/workshops", STAFF_OWN),
            new Rule("GET", "/evaluations", STAFF_OWN),
            new Rule("GET", "/documents", STAFF_OWN),
            new Rule("GET", "/membership/fees", STAFF_OWN),
            new Rule("GET", "/membership/applications", STAFF_OWN),
            new Rule("GET", "/knowledge", STAFF_OWN),
            new Rule("GET", "/knowledge/export.*", STAFF_OWN), // the items of the caller's own networks
            new Rule("*", "/knowledge/new", STAFF_OWN),        // added in the caller's own network
            new Rule("*", "/knowledge/items/**", STAFF),
            // the bank of members' contacts: its sign-in for anyone, the rest only with a mailed link's cookie,
            // which no caller here has; what the secretariat made public for anyone
            new Rule("GET", "/bank/{networkId}", EVERYONE),
            new Rule("POST", "/bank/{networkId}/sign-in", EVERYONE), // the same answer for any address
            new Rule("POST", "/bank/{networkId}/sign-out", EVERYONE),
            new Rule("*", "/bank/{networkId}/s/{token}", EnumSet.noneOf(Role.class)),
            new Rule("GET", "/bank/{networkId}/public/**", EVERYONE),
            new Rule("GET", "/bank/{networkId}/public", EVERYONE),
            new Rule("GET", "/bank/{networkId}/feed.atom", EVERYONE),
            new Rule("*", "/bank/{networkId}/**", EnumSet.noneOf(Role.class)),
            // creating in the first network, named by a parameter, is that network's staff's
            new Rule("POST", "/workshops", STAFF, Set.of(Role.OTHER_SECRETARIAT), "workshops"),
            new Rule("POST", "/evaluations/start", STAFF),
            new Rule("POST", "/evaluations/settings", STAFF),
            // every other route is about one record of the first network
            new Rule("*", "/members/**", STAFF),
            new Rule("*", "/api/members/**", STAFF),
            new Rule("*", "/network/**", STAFF),
            new Rule("*", "/membership/fees/**", STAFF),
            new Rule("*", "/documents/**", STAFF),
            new Rule("*", "/workshops/**", STAFF),
            new Rule("*", "/evaluations/**", STAFF));

    static final String MATRIX_TITLE = "Matrix " + UUID.randomUUID();

    /** A published designed form of the first network, a survey of it to one member and one by open link. */
    record Surveys(long formId, long memberSurveyId, long openSurveyId, long recipientId, String coordinatorToken,
                   String openToken) {
    }

    /** Placeholders until the matrix makes real ones (a CSRF check needs no record). */
    static Surveys surveys = new Surveys(1, 1, 1, 1, "x".repeat(43), "x".repeat(32));

    /** A shared item of the first network's knowledge bank that the secretariat made public, with a document. */
    static long knowledgeItem = 1;

    private long matrixKnowledgeItem(SecurityFixture.World w) {
        jdbc.update("INSERT INTO knowledge_item (network_id, kind, year, title, body, document_id, shared, public_since,"
                + " author, created_at, updated_at) VALUES (?, 'PRACTICE', 2026, 'Matrix', 'Matrix', ?, TRUE, NOW(6),"
                + " 'matrix', NOW(6), NOW(6))", SecurityFixture.SUND_BY, w.application().documentId());
        return jdbc.queryForObject("SELECT MAX(id) FROM knowledge_item WHERE network_id = ? AND title = 'Matrix'",
                Long.class, SecurityFixture.SUND_BY);
    }

    @Autowired org.healthycities.forms.FormDesigner designer;
    @Autowired org.healthycities.surveys.internal.SurveyService surveyService;
    @Autowired org.healthycities.forms.SubmissionLinks links;
    @Autowired org.healthycities.support.TestMembers testMembers;

    private Surveys matrixSurveys() {
        Set<String> mine = Set.of(SecurityFixture.SUND_BY);
        var form = designer.create(mine, SecurityFixture.SUND_BY, "Matrix", "matrix").form();
        form = designer.saveDraft(mine, form.getId(), form.getVersion(), "Matrix", """
                {"type":"default","components":[{"type":"textfield","id":"F1","key":"name","label":"Navn"}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "matrix").form();
        designer.publish(mine, form.getId(), form.getVersion(), "matrix");
        var member = testMembers.activeMember(SecurityFixture.SUND_BY, jdbc.queryForObject(
                "SELECT MAX(code) FROM possible_member WHERE network_id = ? AND kind = 'MUNICIPALITY'", String.class,
                SecurityFixture.SUND_BY));
        var deadline = java.time.LocalDate.ofInstant(org.healthycities.support.TestClock.now(),
                org.healthycities.support.TestClock.COPENHAGEN).plusDays(30);
        var toMembers = surveyService.send(mine, new org.healthycities.surveys.internal.SurveyService.SendRequest(
                SecurityFixture.SUND_BY, form.getId(), "Matrix", deadline, 7,
                org.healthycities.surveys.internal.SurveyAudience.MEMBERS,
                org.healthycities.surveys.internal.Recipients.picked(Set.of(member.getId()))), "matrix").survey();
        var open = surveyService.send(mine, new org.healthycities.surveys.internal.SurveyService.SendRequest(
                SecurityFixture.SUND_BY, form.getId(), "Matrix", deadline, 0,
                org.healthycities.surveys.internal.SurveyAudience.OPEN, null), "matrix").survey();
        var recipient = surveyService.recipients(toMembers).get(0);
        return new Surveys(form.getId(), toMembers.getId(), open.getId(), recipient.getId(),
                links.issue(recipient.getSubmissionId()), open.getOpenToken());
    }

    /** Harmless input for the state-changing routes, so the handler (not a missing parameter) answers. */
    static final Map<String, Map<String, String>> PARAMS = new LinkedHashMap<>();

    static {
        PARAMS.put("/forms/designer", Map.of("networkId", "sund-by", "title", "Matrix"));
        PARAMS.put("/forms/designer/{id}/texts", Map.of("language", "sv"));
        PARAMS.put("/surveys/{id}/recipients/{recipient}/extend", Map.of("deadline", "2041-12-31"));
        PARAMS.put("/apply/{networkId}", Map.of("action", "search"));
        PARAMS.put("/evaluation/{token}", Map.of("action", "addActivity"));
        PARAMS.put("/evaluations/start", Map.of("network", "$evalNetwork", "year", "2041"));
        PARAMS.put("/evaluations/settings", Map.of("network", "$evalNetwork", "startMonth", "1", "startDay", "15",
                "answerDays", "30", "graceDays", "14"));
        PARAMS.put("/evaluations/{id}/review", Map.of("decision", "sendBack", "comment", "x"));
        PARAMS.put("/evaluations/{id}/extend", Map.of("deadline", "2041-12-31"));
        PARAMS.put("/forms/sample/t/{token}", Map.of("version", "0", "action", "draft"));
        PARAMS.put("/join", Map.of("code", "$code"));
        PARAMS.put("/knowledge/new", Map.of("title", "Matrix", "text", "Matrix"));
        PARAMS.put("/knowledge/items/{id}/public", Map.of("shown", "true"));
        PARAMS.put("/bank/{networkId}/sign-in", Map.of("email", "matrix-nobody@example.org"));
        PARAMS.put("/join/group", Map.of("code", "$code", "groupId", "$group"));
        PARAMS.put("/join/s/{token}/field", Map.of("questionId", "$question", "version", "0", "value", "matrix"));
        PARAMS.put("/workshops", Map.of("networkId", "sund-by", "title", MATRIX_TITLE));
        PARAMS.put("/workshops/sessions/{id}/copy", Map.of("from", "$session"));
        // the irreversible ones ask first (web/Confirmation); the matrix answers yes, so they act
        PARAMS.put("/workshops/sessions/{id}/close", Map.of("confirmed", "yes"));
        PARAMS.put("/workshops/sessions/{id}/questions/{questionId}/delete", Map.of("confirmed", "yes"));
        PARAMS.put("/workshops/sessions/{id}/assignments/{assignmentId}/delete", Map.of("confirmed", "yes"));
        PARAMS.put("/workshops/sessions/{id}/questions/{questionId}/move", Map.of("direction", "down"));
        PARAMS.put("/workshops/sessions/{id}/assignments/{assignmentId}/questions",
                Map.of("label", "Matrix?", "kind", "LONG_TEXT"));
        // a person nobody has data about: the export is empty and the erase touches nothing
        PARAMS.put("/network/{networkId}/mail-texts/{kindId}/reset", Map.of("language", "da"));
        PARAMS.put("/admin/privacy", Map.of("email", "matrix-nobody@example.org"));
        // the roles the person has: saving them changes nothing
        PARAMS.put("/staff/users/{id}/roles", Map.of("role", "SECRETARIAT", "networks", "sund-by"));
        PARAMS.put("/admin/privacy/export", Map.of("email", "matrix-nobody@example.org"));
        PARAMS.put("/admin/privacy/erase-confirm", Map.of("email", "matrix-nobody@example.org"));
        PARAMS.put("/admin/privacy/erase", Map.of("email", "matrix-nobody@example.org"));
    }

    /** Routes that end something; run after every other route so the rest still meets live records. */
    static final List<String> LAST = List.of("/delete", "/close", "/give-up", "/complete", "/withdraw", "/consolidate");

    record Route(String method, String pattern) {
    }

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;
    @Autowired SecurityFixture fixture;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.springframework.session.SessionRepository<?> webSessions;

    /** All mapped routes, one per method (a mapping without methods answers all of them). */
    List<Route> routes() {
        return routes(context);
    }

    static List<Route> routes(ApplicationContext context) {
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
                            RequestMethod.PATCH, RequestMethod.DELETE);
                }
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod m : methods) {
                        if (m != RequestMethod.HEAD && m != RequestMethod.OPTIONS) {
                            seen.add(m.name() + " " + pattern);
                        }
                    }
                }
            }
        }
        return seen.stream().map(s -> new Route(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1)))
                .sorted(Comparator.comparing((Route r) -> LAST.stream().anyMatch(r.pattern()::endsWith))
                        .thenComparing(r -> !r.method().equals("GET")))
                .toList();
    }

    static Rule rule(Route route) {
        return RULES.stream().filter(r -> r.matches(route.method(), route.pattern())).findFirst().orElse(null);
    }

    @Test
    void everyRouteHasARule() {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(90);
        assertThat(routes.stream().filter(r -> rule(r) == null).map(r -> r.method() + " " + r.pattern()))
                .as("routes without a rule in the authorization matrix").isEmpty();
    }

    @Test
    void everyRouteAnswersEachCallerAsTheRuleSays() throws Exception {
        SecurityFixture.World w = fixture.world();
        surveys = matrixSurveys();
        knowledgeItem = matrixKnowledgeItem(w);
        List<Route> routes = routes();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Route route : routes) {
            Rule rule = rule(route);
            if (rule == null) {
                continue; // reported by everyRouteHasARule
            }
            // callers who must be refused first, so a state change by an allowed one cannot hide a refusal
            List<Role> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(rule.allowed())));
            order.addAll(rule.allowed());
            for (Role role : order) {
                boolean allowed = rule.allowed().contains(role);
                // a GET changes nothing, so "refused in the page" (state unchanged) would prove nothing for it
                boolean inPage = rule.refusedInPage().contains(role) && !route.method().equals("GET");
                Object before = inPage ? state(rule.state(), w) : null;
                MvcResult result = mvc.perform(build(route, role, w)).andReturn();
                int status = result.getResponse().getStatus();
                String location = result.getResponse().getRedirectedUrl();
                String outcome;
                if ("error page".equals(rule.state())) {
                    outcome = refused(status, location) == null ? status + " (refused)" : null;
                } else if (inPage) {
                    Object after = state(rule.state(), w);
                    outcome = status < 500 && before.equals(after) ? null
                            : status + ", " + rule.state() + " was " + before + ", is " + after;
                } else {
                    outcome = allowed ? served(route, status, location) : refused(status, location);
                }
                cases++;
                if (outcome != null) {
                    wrong.add(route.method() + " " + route.pattern() + " as " + role + ": expected "
                            + (inPage ? "refused in the page" : allowed ? "served" : "denied") + ", got " + outcome);
                }
            }
        }
        System.out.printf("authorization matrix: %d routes, %d cases%n", routes.size(), cases);
        assertThat(wrong).as("authorization matrix").isEmpty();
    }

    /** What a refusal in the page must leave unchanged. */
    private Object state(String what, SecurityFixture.World w) {
        if (what.equals("task")) {
            var task = taskService.createTaskQuery().taskId(w.taskId()).singleResult();
            return task == null ? "gone" : "assignee " + task.getAssignee();
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM workshop WHERE title = ?", Long.class, MATRIX_TITLE);
    }

    /**
     * Routes whose handler refuses our harmless input in its own words, with the status it answers; any other
     * 409, 410 or 422 counts as not served (a guard's refusal could otherwise pass for the handler's).
     */
    static final Map<String, Integer> HANDLER_REFUSALS = Map.of(
            "POST /admin/outbox/{id}/retry", 409,      // the mail was not refused, so there is nothing to send again
            "POST /application/{token}/answer", 422,   // the answer's required fields are empty
            "POST /tasks/{id}/complete", 422,          // the task form's required fields are empty
            "POST /forms/designer/{id}/draft", 409);   // the version sent (-1) is stale         // the task form's required fields are empty

    /** Null when the answer is a real one; else what it was. */
    static String served(Route route, int status, String location) {
        boolean ok = status >= 200 && status < 300
                || status >= 300 && status < 400 && location != null && !location.contains("/login")
                || Integer.valueOf(status).equals(HANDLER_REFUSALS.get(route.method() + " " + route.pattern()));
        return ok ? null : status + (location == null ? "" : " → " + location);
    }

    /** Null when the answer refuses; else what it was. */
    static String refused(int status, String location) {
        boolean denied = status == 401 || status == 403 || status == 404
                || status >= 300 && status < 400 && location != null && location.contains("/login");
        return denied ? null : status + (location == null ? "" : " → " + location);
    }

    private MockHttpServletRequestBuilder build(Route route, Role role, SecurityFixture.World w) {
        String url = fill(route.pattern(), role, w);
        MockHttpServletRequestBuilder b = request(HttpMethod.valueOf(route.method()), url)
                .with(SecurityFixture.freshAddress());
        if (route.pattern().equals("/forms/designer/{id}/draft")) { // the editor's save speaks JSON
            b.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"version\":-1,\"title\":\"Matrix\",\"schema\":{\"type\":\"default\",\"components\":[]}}");
        }
        if (!route.method().equals("GET")) {
            b.with(csrf());
            b.param("version", "0"); // the edit forms' optimistic lock: a stale version is refused in the page
            for (var p : PARAMS.getOrDefault(route.pattern(), Map.of()).entrySet()) {
                b.param(p.getKey(), value(p.getValue(), w));
            }
        }
        if (role == Role.SECRETARIAT || role == Role.ADMIN || role == Role.OTHER_SECRETARIAT) {
            // as after opening the session: the browser session holds the code for the projector and QR
            b.cookie(WebSessions.withAttributes(webSessions, org.healthycities.workshop.internal.TestWorkshops.sessionWithCode(
                    w.workshop().sessionId(), w.workshop().code())));
        }
        return switch (role) {
            case SECRETARIAT -> b.with(fixture.login(w.secretariat()));
            case OTHER_SECRETARIAT -> b.with(fixture.login(w.otherSecretariat()));
            case BOARD -> b.with(fixture.login(w.board()));
            case ADMIN -> b.with(fixture.login(w.admin()));
            default -> b;
        };
    }

    private static String value(String v, SecurityFixture.World w) {
        return switch (v) {
            case "$evalNetwork" -> w.evaluation().network();
            case "$code" -> w.workshop().code();
            case "$group" -> String.valueOf(w.workshop().groupId());
            case "$question" -> String.valueOf(w.workshop().textQuestionId());
            case "$session" -> String.valueOf(w.workshop().sessionId());
            default -> v;
        };
    }

    static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** The route with its variables filled for this caller. */
    static String fill(String pattern, Role role, SecurityFixture.World w) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(variable(pattern, m.group(1), role, w)));
        }
        m.appendTail(url);
        return pattern.equals("/actuator/health/**") ? "/actuator/health" : url.toString().replace("/**", "/x");
    }

    static String variable(String pattern, String name, Role role, SecurityFixture.World w) {
        String randomToken = UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK";
        return switch (name) {
            case "networkId" -> pattern.startsWith("/evaluations/") ? w.evaluation().network() : SecurityFixture.SUND_BY;
            case "token" -> {
                if (pattern.startsWith("/application/")) {
                    yield role == Role.APPLICANT ? w.application().token() : randomToken;
                } else if (pattern.startsWith("/evaluation/")) {
                    yield role == Role.COORDINATOR ? w.evaluation().token() : randomToken;
                } else if (pattern.startsWith("/survey/")) {
                    yield role == Role.COORDINATOR ? surveys.coordinatorToken() : randomToken;
                } else if (pattern.startsWith("/bank/")) {
                    yield randomToken;
                } else if (pattern.startsWith("/join/")) {
                    yield role == Role.PARTICIPANT ? w.workshop().participantToken() : randomToken.substring(0, 32);
                }
                yield w.sampleToken();
            }
            case "key" -> role == Role.APPLICANT ? w.application().receiptKey() : UUID.randomUUID().toString();
            case "documentId" -> String.valueOf(w.application().documentId());
            case "memberId" -> String.valueOf(w.evaluation().memberId());
            // a draft session's: an open one takes no changes; each deleting caller its own
            case "assignmentId" -> String.valueOf(w.drafts().assignmentIds().get(
                    !pattern.endsWith("/delete") ? 0 : role == Role.ADMIN ? 2 : 1));
            case "questionId" -> String.valueOf(w.drafts().questionIds().get(role == Role.ADMIN ? 1 : 0));
            case "strategyId" -> String.valueOf(w.strategyId());
            case "goalId" -> String.valueOf(w.goalId());
            case "formId" -> "membership-application";
            case "kindId" -> "membership.mail.receipt";
            case "id" -> id(pattern, role, w);
            case "openToken" -> surveys.openToken();
            case "recipient" -> String.valueOf(surveys.recipientId());
            default -> throw new AssertionError("no value for {" + name + "} in " + pattern);
        };
    }

    private static String id(String pattern, Role role, SecurityFixture.World w) {
        Object id;
        if (pattern.startsWith("/members/") || pattern.startsWith("/api/members/")) {
            id = w.evaluation().memberId();
        } else if (pattern.endsWith("/open")) {
            id = w.drafts().toOpenSessionIds().get(role == Role.ADMIN ? 1 : 0);
        } else if (pattern.startsWith("/workshops/sessions/{id}/assignments") || pattern.endsWith("/copy")
                || pattern.contains("/questions/")) {
            id = w.drafts().sessionId();
        } else if (pattern.startsWith("/workshops/sessions/")) {
            id = w.workshop().sessionId();
        } else if (pattern.startsWith("/workshops/")) {
            id = w.workshop().workshopId();
        } else if (pattern.startsWith("/evaluations/rounds/")) {
            id = w.evaluation().roundId();
        } else if (pattern.startsWith("/evaluations/")) {
            id = w.evaluation().evaluationId();
        } else if (pattern.startsWith("/tasks/")) {
            id = w.taskId();
        } else if (pattern.startsWith("/admin/outbox/")) {
            id = w.outboxId();
        } else if (pattern.startsWith("/documents/")) {
            id = w.application().documentId();
        } else if (pattern.contains("/theme-groups/")) {
            id = w.themeGroupId();
        } else if (pattern.startsWith("/forms/designer/")) {
            id = surveys.formId();
        } else if (pattern.endsWith("/qr.png")) {
            id = surveys.openSurveyId();
        } else if (pattern.startsWith("/surveys/")) {
            id = surveys.memberSurveyId();
        } else if (pattern.startsWith("/knowledge/") || pattern.startsWith("/bank/")) {
            id = knowledgeItem;
        } else if (pattern.startsWith("/staff/users/")) {
            id = w.staffMember(); // deactivated and reactivated here, used by no other route
        } else {
            throw new AssertionError("no {id} for " + pattern);
        }
        return String.valueOf(id);
    }

    /** Camunda's own webapps and REST API, outside Spring MVC: a few explicit cases. */
    @Test
    void engineRestAndCamundaWebappsRefuseWhoMayNot() {
        SecurityFixture.World w = fixture.world();
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(w.board(), TestUsers.PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(w.secretariat(), TestUsers.PASSWORD)
                .getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(w.admin(), TestUsers.ADMIN_PASSWORD)
                .getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the webapps' APIs need their own login; their pages are the login screen
        assertThat(rest.getForEntity("/camunda/api/engine/engine/default/process-definition", String.class)
                .getStatusCode().value()).isIn(401, 403);
        assertThat(rest.getForEntity("/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                String.class).getStatusCode().value()).isIn(401, 403);
        assertThat(rest.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** A staff login on our pages (a real session cookie) does not open the engine API without Basic credentials. */
    @Test
    void aStaffSessionCookieDoesNotOpenTheEngineApi() throws Exception {
        SecurityFixture.World w = fixture.world();
        RealHttp staff = new RealHttp(port);
        staff.get("/login");
        staff.post("/login", "username", w.secretariat(), "password", TestUsers.PASSWORD);
        assertThat(staff.cookie("JSESSIONID")).as("logged in").isPresent();
        assertThat(staff.get("/members").statusCode()).as("the cookie opens our pages").isEqualTo(200);
        assertThat(staff.get("/engine-rest/process-instance").statusCode()).isEqualTo(401);
        assertThat(staff.get("/engine-rest/task").statusCode()).isEqualTo(401);
    }
}
