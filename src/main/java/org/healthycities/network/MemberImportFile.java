package org.healthycities.network;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** An uploaded member list kept between its preview and the confirmation, so nothing is written before. */
@Entity
@Table(name = "member_import")
class MemberImportFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String fileName;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;
    private Instant committedAt;

    protected MemberImportFile() {
    }

    MemberImportFile(String networkId, String fileName, byte[] content, String uploadedBy, Instant uploadedAt) {
        this.networkId = networkId;
        this.fileName = fileName;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() { return id; }
    String getNetworkId() { return networkId; }
    String getFileName() { return fileName; }
    byte[] getContent() { return content; }
    Instant getCommittedAt() { return committedAt; }

    boolean committed() {
        return committedAt != null;
    }

    void committed(Instant at) {
        if (committedAt != null) {
            throw new IllegalStateException("Import " + id + " was already written");
        }
        committedAt = at;
    }
}

interface MemberImportFileRepository extends JpaRepository<MemberImportFile, Long> {
    @Modifying
    @Query("delete from MemberImportFile f where f.uploadedAt < :before")
    int deleteUploadedBefore(@Param("before") Instant before);
}
