package org.healthycities.network.internal;

import java.time.LocalDate;
import java.util.List;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON for integrations; scoped to the caller's networks exactly like the pages. */
@RestController
class MemberApiController {

    record MemberJson(Long id, String network, String code, String name, String kind, String status,
                      LocalDate joinedOn, Integer population, String coordinatorName, String coordinatorEmail) {
        static MemberJson of(Member m) {
            return new MemberJson(m.getId(), m.getNetworkId(), m.getCode(), m.getName(), m.getKind().name(),
                    m.getStatus().name(), m.getJoinedOn(), m.getPopulation(), m.getCoordinatorName(),
                    m.getCoordinatorEmail());
        }
    }

    private final MemberService members;
    private final NetworkDirectory directory;

    MemberApiController(MemberService members, NetworkDirectory directory) {
        this.members = members;
        this.directory = directory;
    }

    @GetMapping("/api/members")
    List<MemberJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                          @RequestParam(defaultValue = "0") int page) {
        return members.search(directory.visibleTo(user), q, null, page).map(MemberJson::of).getContent();
    }

    @GetMapping("/api/members/{id}")
    MemberJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return members.find(directory.visibleTo(user), id).map(MemberJson::of).orElseThrow(NotFound::notFound);
    }

}
