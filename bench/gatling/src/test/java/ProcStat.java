import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time from {@code /proc/PID/stat} (Linux): user and system time, kept in clock ticks of 1/100 s.
 * One reader for the simulations ({@link BenchFiles#cpu}) and the programs in bench/ (EvaluationBenchmark), which
 * bench/run.sh compiles together with this file.
 */
final class ProcStat {

    private ProcStat() {
    }

    /** The CPU time the process has used so far, in ms. */
    static long cpuMillis(Path stat) throws IOException {
        String text = Files.readString(stat);
        // utime and stime are the 14th and 15th fields; after the command (in brackets) they are the 12th and 13th
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
