package org.healthycities.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.YearMonth;

/** When a network's yearly round opens by itself and how long members have to answer. */
@Entity
class EvaluationSettings {

    /** A round opened automatically this many days after the configured date at the latest (catch-up after downtime). */
    static final int CATCH_UP_DAYS = 30;

    @Id
    private String networkId;
    private boolean autoStart = true;
    private int startMonth = 2;
    private int startDay = 1;
    private int answerDays = 56;
    private int graceDays = 14;
    @Version
    private int version;

    protected EvaluationSettings() {
    }

    /** The defaults: opens 1 February, eight weeks to answer, two weeks' grace. */
    static EvaluationSettings defaults(String networkId) {
        EvaluationSettings s = new EvaluationSettings();
        s.networkId = networkId;
        return s;
    }

    public String getNetworkId() { return networkId; }
    public boolean isAutoStart() { return autoStart; }
    public int getStartMonth() { return startMonth; }
    public int getStartDay() { return startDay; }
    public int getAnswerDays() { return answerDays; }
    public int getGraceDays() { return graceDays; }
    public int getVersion() { return version; }

    /** The date in a year; a 29 February in a year without one is the 28th. */
    LocalDate startDateIn(int calendarYear) {
        YearMonth month = YearMonth.of(calendarYear, startMonth);
        return month.atDay(Math.min(startDay, month.lengthOfMonth()));
    }

    /** Whether the yearly round should open on this day: on the date or within the catch-up window after it. */
    boolean dueOn(LocalDate today) {
        LocalDate start = startDateIn(today.getYear());
        return autoStart && !today.isBefore(start) && today.isBefore(start.plusDays(CATCH_UP_DAYS));
    }

    void update(boolean autoStart, int startMonth, int startDay, int answerDays, int graceDays) {
        this.autoStart = autoStart;
        this.startMonth = startMonth;
        this.startDay = startDay;
        this.answerDays = answerDays;
        this.graceDays = graceDays;
    }
}
