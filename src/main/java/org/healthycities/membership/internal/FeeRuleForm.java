package org.healthycities.membership.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The fee rule page's fields; public for Thymeleaf's binding (see {@link ApplicationForm}). */
public class FeeRuleForm {

    /** Rows offered for bands; empty rows are left out. */
    static final int BAND_ROWS = 6;

    private String kind;
    private BigDecimal ratePerInhabitant;
    private BigDecimal minimumFee;
    private BigDecimal maximumFee;
    private String source;
    private int version;
    private Integer firstYear;
    private List<Band> bands = new ArrayList<>();

    /** One band: members with at most {@code upTo} inhabitants pay {@code amount}; no limit on the last. */
    public static class Band {
        private Integer upTo;
        private BigDecimal amount;

        public Integer getUpTo() { return upTo; }
        public void setUpTo(Integer upTo) { this.upTo = upTo; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
    }

    static FeeRuleForm of(FeeRule rule) {
        FeeRuleForm f = new FeeRuleForm();
        f.kind = rule.getKind().name();
        f.ratePerInhabitant = rule.getRatePerInhabitant();
        f.minimumFee = rule.getMinimumFee();
        f.maximumFee = rule.getMaximumFee();
        f.source = rule.isExample() ? null : rule.getSource();
        f.version = rule.getVersion();
        f.firstYear = rule.getFirstYear();
        for (FeeBand b : rule.getBands()) {
            Band band = new Band();
            band.upTo = b.upToPopulation;
            band.amount = b.amount;
            f.bands.add(band);
        }
        f.fillRows();
        return f;
    }

    void fillRows() {
        while (bands.size() < BAND_ROWS) {
            bands.add(new Band());
        }
    }

    public Integer getFirstYear() { return firstYear; }
    public void setFirstYear(Integer firstYear) { this.firstYear = firstYear; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public BigDecimal getRatePerInhabitant() { return ratePerInhabitant; }
    public void setRatePerInhabitant(BigDecimal v) { this.ratePerInhabitant = v; }
    public BigDecimal getMinimumFee() { return minimumFee; }
    public void setMinimumFee(BigDecimal v) { this.minimumFee = v; }
    public BigDecimal getMaximumFee() { return maximumFee; }
    public void setMaximumFee(BigDecimal v) { this.maximumFee = v; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<Band> getBands() { return bands; }
    public void setBands(List<Band> bands) { this.bands = bands == null ? new ArrayList<>() : bands; }
}
