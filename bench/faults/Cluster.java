import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of two application nodes on one database (see bench/faults/README.md), one phase per call so the
 * calling script (two-nodes.sh) can start and kill nodes between them. Talks HTTP to node A and node B and
 * reads the database to count. Every check prints "CHECK ok|FAILED ..."; the exit code is 1 if one failed.
 *
 *   java -cp target/faults/classes:mariadb-java-client.jar Cluster PHASE urlA urlB jdbcUrl password [members] [pidFileA]
 *   PHASE: startup | sessions | jobs | kill | tasks
 */
public class Cluster {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static Connection db;
    static boolean failed;

    /** A browser: its cookies (shared by both nodes, as behind a load balancer) and CSRF token. */
    static final class Browser {
        final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
        String csrf = "";

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String[] kv = c.split(";", 2)[0].split("=", 2);
                cookies.put(kv[0], kv[1]);
            }
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, String... form) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(csrf, form))));
        }

        /** Camunda's webapps: CSRF token from their XSRF-TOKEN cookie, sent back as a header. */
        HttpResponse<String> camunda(String url, String... form) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-XSRF-TOKEN",
                    cookies.getOrDefault("XSRF-TOKEN", ""));
            return send(form.length == 0 ? b.GET() : b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(null, form))));
        }

        void login(String base, String password) throws Exception {
            get(base + "/login");
            HttpResponse<String> r = post(base + "/login", "username", "admin", "password", password);
            if (!r.headers().firstValue("Location").orElse("").endsWith("/home")) {
                throw new IllegalStateException("login failed: " + r.statusCode());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        String a = args[1];
        String b = args[2];
        db = DriverManager.getConnection(args[3], "root", "");
        String password = args[4];
        int members = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        switch (phase) {
            case "startup" -> startup();
            case "sessions" -> sessions(a, b, password);
            case "jobs" -> jobs(a, b, password, members);
            case "kill" -> kill(members, Path.of(args[6]));
            case "tasks" -> tasks(a, b, password, members);
            default -> throw new IllegalArgumentException(phase);
        }
        System.exit(failed ? 1 : 0);
    }

    /** Both nodes started at once on an empty database: everything made on first start exists once. */
    static void startup() throws SQLException {
        long networks = count("SELECT COUNT(*) FROM network");
        check("one deployment per network", count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'healthy-cities'")
                == networks, count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'healthy-cities'") + " deployments, "
                + networks + " networks");
        check("each process definition once (version 1 only)", count("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE VERSION_ > 1") == 0,
                count("SELECT COUNT(*) FROM ACT_RE_PROCDEF") + " definitions, "
                        + count("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE VERSION_ > 1") + " of version > 1");
        check("Tasklist filters once each", count("SELECT COUNT(*) FROM ACT_RU_FILTER") == 3
                && count("SELECT COUNT(DISTINCT NAME_) FROM ACT_RU_FILTER") == 3, count("SELECT COUNT(*) FROM ACT_RU_FILTER") + " filters");
        check("groups and admin once", count("SELECT COUNT(*) FROM ACT_ID_GROUP") == 4
                && count("SELECT COUNT(*) FROM ACT_ID_USER") == 1, count("SELECT COUNT(*) FROM ACT_ID_GROUP") + " groups, "
                + count("SELECT COUNT(*) FROM ACT_ID_USER") + " user");
        check("tenants once", count("SELECT COUNT(*) FROM ACT_ID_TENANT") == networks, count("SELECT COUNT(*) FROM ACT_ID_TENANT") + " tenants");
        check("possible members seeded once", count("SELECT COUNT(*) FROM possible_member WHERE network_id = 'sund-by'")
                == count("SELECT COUNT(DISTINCT code) FROM possible_member WHERE network_id = 'sund-by'"),
                count("SELECT COUNT(*) FROM possible_member WHERE network_id = 'sund-by'") + " possible members");
        check("each migration applied once", count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")
                == count("SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE success = 1"),
                count("SELECT COUNT(*) FROM flyway_schema_history") + " migrations");
    }

    /** A login on one node is valid on the other; logout on one ends it on both; Camunda's webapps too. */
    static void sessions(String a, String b, String password) throws Exception {
        Browser user = new Browser();
        user.get(a + "/login");
        String before = user.cookies.get("JSESSIONID");
        user.login(a, password);
        check("no session before login, a new one at login", before == null && user.cookies.get("JSESSIONID") != null,
                "before " + before + ", after " + user.cookies.get("JSESSIONID"));
        HttpResponse<String> home = user.get(b + "/home");
        check("login on A is valid on B", home.statusCode() == 200, "GET /home on B: " + home.statusCode());
        HttpResponse<String> page = user.get(a + "/workshops");
        check("pages answer on A after B", page.statusCode() == 200, "GET /workshops on A: " + page.statusCode());
        HttpResponse<String> logout = user.post(b + "/logout"); // CSRF token from A's page, accepted by B
        check("logout on B with the CSRF token of A's page", logout.statusCode() == 302
                && logout.headers().firstValue("Location").orElse("").contains("logout"), "POST /logout on B: " + logout.statusCode());
        HttpResponse<String> after = user.get(a + "/home");
        check("logout on B ends the session on A", after.statusCode() == 302
                && after.headers().firstValue("Location").orElse("").contains("/login"), "GET /home on A: " + after.statusCode());

        Browser cockpit = new Browser();
        cockpit.get(a + "/camunda/app/cockpit/default/");
        HttpResponse<String> login = cockpit.camunda(a + "/camunda/api/admin/auth/user/default/login/cockpit",
                "username", "admin", "password", password);
        check("Cockpit login on A", login.statusCode() == 200, login.statusCode() + " " + login.body());
        HttpResponse<String> who = cockpit.camunda(b + "/camunda/api/admin/auth/user/default");
        check("Cockpit login valid on B", who.statusCode() == 200 && who.body().contains("\"userId\":\"admin\""),
                who.statusCode() + " " + who.body());
        HttpResponse<String> defs = cockpit.camunda(b + "/camunda/api/engine/engine/default/process-definition/count");
        check("Cockpit's engine API on B", defs.statusCode() == 200 && defs.body().contains("count"), defs.statusCode() + " " + defs.body());
        HttpResponse<String> tasklist = cockpit.camunda(b + "/camunda/api/engine/engine/default/filter?resoureType=Task");
        check("Tasklist's filters on B", tasklist.statusCode() == 200, String.valueOf(tasklist.statusCode()));
        HttpResponse<String> out = cockpit.camunda(b + "/camunda/api/admin/auth/user/default/logout", "x", "y");
        HttpResponse<String> gone = cockpit.camunda(a + "/camunda/api/admin/auth/user/default");
        check("Cockpit logout on B ends it on A", out.statusCode() == 200 && gone.statusCode() != 200,
                "logout " + out.statusCode() + ", then A answers " + gone.statusCode());
    }

    /** Async jobs and timers run by both nodes' job executors: each exactly once. */
    static void jobs(String a, String b, String password, int members) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO member (network_id, code, name, kind, status,"
                + " joined_on, coordinator_name, coordinator_email, created_at, updated_at) VALUES ('sund-by', ?, ?,"
                + " 'MUNICIPALITY', 'ACTIVE', '2020-01-01', ?, ?, NOW(6), NOW(6))")) {
            for (int i = 1; i <= members; i++) {
                String code = String.format("F%04d", i);
                insert.setString(1, code);
                insert.setString(2, "Faultby " + code);
                insert.setString(3, "Koordinator " + code);
                insert.setString(4, "fault-" + code + "@example.org");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Browser admin = new Browser();
        admin.login(a, password);
        admin.get(b + "/evaluations");
        HttpResponse<String> start = admin.post(b + "/evaluations/start", "network", "sund-by", "year", "2031");
        check("round started on B with the session of A", start.statusCode() == 302, "POST /evaluations/start on B: "
                + start.statusCode());
        long t0 = System.nanoTime();
        waitFor("invitations", members, "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'fault-%' AND template LIKE '%invitation%'", 600);
        System.out.printf("Invitations: %d members invited in %.0f s by the two job executors%n", members, (System.nanoTime() - t0) / 1e9);
        jobCounts("after the invitations");

        makeDue("Timer_AfterInvitation");
        t0 = System.nanoTime();
        waitFor("reminders after the invitation", members, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_Remind1' AND END_TIME_ IS NOT NULL", 300);
        System.out.printf("Reminder timers: %d fired in %.0f s%n", members, (System.nanoTime() - t0) / 1e9);
        check("each reminder timer fired once", count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Timer_AfterInvitation'"
                + " AND END_TIME_ IS NOT NULL") == members, count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Timer_AfterInvitation'"
                + " AND END_TIME_ IS NOT NULL") + " timer events for " + members + " members");
        check("each reminder mail once", count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'fault-%' AND dedup_key LIKE '%reminder-after%'") == members,
                count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'fault-%' AND dedup_key LIKE '%reminder-after%'") + " reminder mails");
        jobCounts("after the reminders");
    }

    /** Node A is killed (kill -9) while it holds jobs: node B runs them once A's locks run out. */
    static void kill(int members, Path pidFileA) throws Exception {
        makeDue("Timer_BeforeDeadline");
        long pid = Long.parseLong(Files.readString(pidFileA).strip());
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE 'node-a:%'") < 1 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long killedAt = System.nanoTime();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(20);
        }
        List<String> held = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE 'node-a:%'")) {
            while (r.next()) {
                held.add(r.getString(1));
            }
        }
        long doneByA = count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_Remind2' AND END_TIME_ IS NOT NULL");
        System.out.printf("FAULT kill -9 of node A while it held %d locked jobs (%d reminders done by then)%n", held.size(), doneByA);
        waitFor("reminders before the deadline", members, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_Remind2' AND END_TIME_ IS NOT NULL", 300);
        System.out.printf("All %d reminders done %.0f s after the kill%n", members, (System.nanoTime() - killedAt) / 1e9);
        String ids = held.isEmpty() ? "''" : "'" + String.join("','", held) + "'";
        long byB = count("SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ = 'node-b' AND JOB_ID_ IN (" + ids + ")");
        check("jobs A held at its death were run by B", !held.isEmpty() && byB == held.size(), held.size() + " held, " + byB + " run by B");
        check("each timer before the deadline fired once", count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Timer_BeforeDeadline'"
                + " AND END_TIME_ IS NOT NULL") == members, count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Timer_BeforeDeadline'"
                + " AND END_TIME_ IS NOT NULL") + " for " + members);
        check("each reminder mail before the deadline once", count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'fault-%'"
                + " AND dedup_key LIKE '%reminder-before%'") == members, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'fault-%'"
                + " AND dedup_key LIKE '%reminder-before%'") + " mails");
        jobCounts("after the kill");
    }

    /** The same claimed task completed on A and on B at the same moment: exactly one succeeds. */
    static void tasks(String a, String b, String password, int members) throws Exception {
        makeDue("Timer_Deadline");
        waitFor("follow-up tasks", members, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_FollowUp'", 300);
        List<String> ids = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery("SELECT ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_FollowUp'")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        Browser admin = new Browser();
        admin.login(a, password);
        int exactlyOne = 0;
        int both = 0;
        int none = 0;
        int clearRefusal = 0;
        for (String id : ids) {
            admin.get(a + "/tasks/" + id);
            admin.post(a + "/tasks/" + id + "/claim");
            admin.get(a + "/tasks/" + id);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> two = new ArrayList<>();
            for (String node : List.of(a, b)) {
                two.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return admin.post(node + "/tasks/" + id + "/complete", "decision", "giveUp");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            go.countDown();
            int ok = 0;
            for (CompletableFuture<HttpResponse<String>> f : two) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/tasks")) {
                    ok++;
                } else if (r.statusCode() == 409 && r.body().contains("allerede afsluttet")) {
                    clearRefusal++;
                } else {
                    System.out.println("  unexpected answer " + r.statusCode() + " for task " + id);
                }
            }
            exactlyOne += ok == 1 ? 1 : 0;
            both += ok == 2 ? 1 : 0;
            none += ok == 0 ? 1 : 0;
        }
        System.out.printf("RESULT tasks=%d completed-on-both-nodes-at-once: exactly-one-success=%d both=%d none=%d clear-refusals=%d%n",
                ids.size(), exactlyOne, both, none, clearRefusal);
        check("each task completed exactly once", exactlyOne == ids.size(), exactlyOne + " of " + ids.size());
        check("the other node's answer says the task is already done", clearRefusal == ids.size(), clearRefusal + " of " + ids.size());
        check("the give-up recorded once per member", count("SELECT COUNT(*) FROM audit_entry WHERE action = 'evaluation.event.NO_ANSWER'")
                == ids.size(), count("SELECT COUNT(*) FROM audit_entry WHERE action = 'evaluation.event.NO_ANSWER'") + " audit entries");
        check("each history task ended once", count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_FollowUp' AND END_TIME_ IS NOT NULL")
                == ids.size(), "");
        jobCounts("at the end");
    }

    static void makeDue(String timer) throws SQLException {
        int n = db.createStatement().executeUpdate("UPDATE ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
                + " SET j.DUEDATE_ = NOW() - INTERVAL 1 MINUTE WHERE d.ACT_ID_ = '" + timer + "'");
        System.out.printf("Made %d timers %s due now%n", n, timer);
    }

    static void jobCounts(String when) throws SQLException {
        StringBuilder by = new StringBuilder();
        try (ResultSet r = db.createStatement().executeQuery("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                + " GROUP BY HOSTNAME_ ORDER BY HOSTNAME_")) {
            while (r.next()) {
                by.append(r.getString(1)).append('=').append(r.getLong(2)).append(' ');
            }
        }
        long twice = count("SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY JOB_ID_ HAVING COUNT(*) > 1) t");
        long failedJobs = count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1");
        System.out.printf("Jobs %s: successful runs by node %s; jobs run successfully twice: %d; failed attempts (retried): %d%n",
                when, by.toString().strip(), twice, failedJobs);
        check("no job ran successfully twice (" + when + ")", twice == 0, "");
    }

    static void waitFor(String what, long expected, String sql, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long n = 0;
        while (System.nanoTime() < until && (n = count(sql)) < expected) {
            Thread.sleep(500);
        }
        check(what + ": " + expected + " expected", n == expected, n + " found");
    }

    static long count(String sql) throws SQLException {
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void check(String what, boolean ok, String detail) {
        failed |= !ok;
        System.out.println("CHECK " + (ok ? "ok     " : "FAILED ") + what + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    static String form(String csrf, String... pairs) {
        StringBuilder body = new StringBuilder(csrf == null ? "" : "_csrf=" + enc(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(enc(pairs[i + 1]));
        }
        return body.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
