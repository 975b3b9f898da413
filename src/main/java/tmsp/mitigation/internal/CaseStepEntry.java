package tmsp.mitigation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import tmsp.mitigation.CaseStep;

/** One line of a case's history. */
@Entity
@Table(name = "mitigation_case_steps")
class CaseStepEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long caseId;
    private Instant at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private CaseStep step;
    private String details;

    protected CaseStepEntry() {
    }

    CaseStepEntry(long caseId, Instant at, String actor, CaseStep step, String details) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.step = step;
        this.details = details;
    }

    long caseId() {
        return caseId;
    }

    Instant at() {
        return at;
    }

    String actor() {
        return actor;
    }

    CaseStep step() {
        return step;
    }

    String details() {
        return details;
    }
}
