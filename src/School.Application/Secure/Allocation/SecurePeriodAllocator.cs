using School.Application.Common.Allocation;
using School.Domain.Secure;

namespace School.Application.Secure.Allocation;

/// <summary>An offer of the period and how many it takes.</summary>
public sealed record SecureSlot(Guid OfferId, int Capacity);

/// <summary>A teacher's request for a pupil: the offer and the mode.</summary>
public sealed record SecureAsk(Guid OfferId, SecureMode Mode);

/// <summary>A pupil to place in the period: their ranked choices (perhaps none) and a teacher's request (perhaps none).</summary>
public sealed record SecureCandidate(Guid StudentId, IReadOnlyList<SecureChoiceItem> Choices, SecureAsk? Request);

/// <summary>Where one pupil goes, or why nowhere.</summary>
public sealed record SecurePlan(Guid StudentId, Guid? OfferId, SecureMode? Mode, PlacementSource? Source, int? Rank, string Reason);

/// <summary>The plan for every candidate (in input order) with its counts.</summary>
public sealed record SecurePeriodPlan(
    IReadOnlyList<SecurePlan> Students, int FromRequests, IReadOnlyList<int> ByRank, int NoChoicePlaced, int PlacedOutsideChoices, int Unplaced);

/// <summary>
/// Allocates one SECURE period. Teachers' requests are honoured first: each requested pupil is placed in the requested
/// offer with the requested mode, whatever they chose themselves, while the offer has room (requests are kept within
/// capacity when they are made, so they all fit). Then every other pupil is placed by the shared
/// <see cref="RankedChoiceAllocator"/> in the places left, everyone as a must-be-placed chooser: as many placed as there
/// is room for, then as many first choices as possible, then second, then third; a pupil with no choice, or none with
/// room, goes where there is room, with the mode left to agree with the teacher.
/// </summary>
/// <remarks>
/// Capacity is never exceeded and a pupil gets at most one place (both are the allocator's guarantees, and requests
/// only use places that are left). Deterministic: the same candidates and offers in the same order give the same plan.
/// </remarks>
public static class SecurePeriodAllocator
{
    /// <summary>
    /// The candidates in the order allocation takes them: pupils a teacher asked for first, in the order the requests were
    /// made (then by request id); then everyone else in the order of <paramref name="studentIds"/>.
    /// </summary>
    public static IReadOnlyList<SecureCandidate> Candidates(
        IReadOnlyList<Guid> studentIds, IReadOnlyDictionary<Guid, IReadOnlyList<SecureChoiceItem>> choices, IEnumerable<SecureRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(studentIds);
        ArgumentNullException.ThrowIfNull(choices);
        var eligible = studentIds.ToHashSet();
        var asked = requests.Where(r => eligible.Contains(r.StudentId)).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .GroupBy(r => r.StudentId).Select(g => g.First()).ToList();
        var askedIds = asked.Select(r => r.StudentId).ToHashSet();
        return asked
            .Select(r => new SecureCandidate(r.StudentId, choices.GetValueOrDefault(r.StudentId) ?? [], new SecureAsk(r.OfferId, r.Mode)))
            .Concat(studentIds.Where(id => !askedIds.Contains(id)).Select(id => new SecureCandidate(id, choices.GetValueOrDefault(id) ?? [], null)))
            .ToList();
    }

    public static SecurePeriodPlan Plan(IReadOnlyList<SecureSlot> offers, IReadOnlyList<SecureCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(candidates);
        var left = offers.ToDictionary(o => o.OfferId, o => o.Capacity);
        var plans = new Dictionary<Guid, SecurePlan>();
        var missedRequest = new HashSet<Guid>();

        foreach (var candidate in candidates)
        {
            if (candidate.Request is not { } ask)
            {
                continue;
            }

            if (left.TryGetValue(ask.OfferId, out var room) && room > 0)
            {
                left[ask.OfferId] = room - 1;
                plans[candidate.StudentId] = new SecurePlan(
                    candidate.StudentId, ask.OfferId, ask.Mode, PlacementSource.Request, null, "Requested by a teacher (a request outranks the pupil's own choice)");
            }
            else
            {
                missedRequest.Add(candidate.StudentId);
            }
        }

        var rest = candidates.Where(c => !plans.ContainsKey(c.StudentId)).ToList();
        var rankings = rest.Select(c => c.Choices.Select(x => x.OfferId).Where(left.ContainsKey).Distinct().ToList()).ToList();
        var choosers = rest.Select((c, i) => new Chooser(c.StudentId, rankings[i])).ToList();
        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(choosers, offers.Select(o => new Option(o.OfferId, left[o.OfferId])).ToList()));

        int[] byRank = new int[SecurePeriod.MaxChoices];
        int noChoice = 0, outside = 0, unplaced = 0;
        for (var i = 0; i < rest.Count; i++)
        {
            var candidate = rest[i];
            var ranking = rankings[i];
            var prefix = missedRequest.Contains(candidate.StudentId) ? "A teacher's request could not be met (the offer was full). " : "";
            var reason = prefix + result.Reasons[candidate.StudentId];
            SecurePlan plan;
            if (result.Placements[candidate.StudentId] is not { } offerId)
            {
                unplaced++;
                plan = new SecurePlan(candidate.StudentId, null, null, null, null, reason);
            }
            else if (ranking.IndexOf(offerId) is var r and >= 0)
            {
                var mode = candidate.Choices.First(c => c.OfferId == offerId).Mode;
                if (r < byRank.Length)
                {
                    byRank[r]++;
                }

                plan = new SecurePlan(candidate.StudentId, offerId, mode, PlacementSource.Choice, r + 1, reason);
            }
            else
            {
                if (ranking.Count == 0)
                {
                    noChoice++;
                }
                else
                {
                    outside++;
                }

                plan = new SecurePlan(candidate.StudentId, offerId, null, PlacementSource.Room, null, reason);
            }

            plans[candidate.StudentId] = plan;
        }

        return new SecurePeriodPlan(
            candidates.Select(c => plans[c.StudentId]).ToList(),
            candidates.Count(c => plans[c.StudentId].Source == PlacementSource.Request),
            byRank, noChoice, outside, unplaced);
    }
}
