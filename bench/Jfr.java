import java.util.concurrent.TimeUnit;

/**
 * Profiles the measured part of a benchmark (not the set-up) with a JFR recording on the application's JVM,
 * when -Dprofile.pid and -Dprofile.file are given (bench/run.sh gives them): jcmd JFR.start / JFR.stop.
 */
public final class Jfr {

    private Jfr() {
    }

    public static void start() throws Exception {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    public static void stop() throws Exception {
        String file = System.getProperty("profile.file");
        if (file != null) {
            jcmd("JFR.stop", "name=bench", "filename=" + file);
        }
    }

    private static void jcmd(String... command) throws Exception {
        String pid = System.getProperty("profile.pid");
        if (pid == null || pid.isBlank()) {
            return;
        }
        String[] cmd = new String[command.length + 2];
        cmd[0] = System.getProperty("profile.jcmd", "jcmd");
        cmd[1] = pid;
        System.arraycopy(command, 0, cmd, 2, command.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }
}
