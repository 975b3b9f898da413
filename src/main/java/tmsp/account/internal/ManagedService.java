package tmsp.account.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the services catalogue (Threat Discovery, Threat Mitigation, …); read-only here. */
@Entity
@Table(name = "services")
class ManagedService {

    @Id
    private Long id;
    private String code;
    private String name;
    private String description;
    private int sortOrder;

    protected ManagedService() {
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public int getSortOrder() { return sortOrder; }
}
