using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.RecordOfAchievement;

/// <summary>
/// The student's record of achievement, oldest first: achievements a member of staff has endorsed (with who and when),
/// personal challenges and peer-tutoring credits. A guardian sees the items shared with the family.
/// </summary>
public sealed record GetRecordOfAchievementQuery(Guid StudentId) : IQuery<Result<RecordOfAchievementDto>>;

internal sealed class GetRecordOfAchievementQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetRecordOfAchievementQuery, Result<RecordOfAchievementDto>>
{
    public async ValueTask<Result<RecordOfAchievementDto>> Handle(GetRecordOfAchievementQuery query, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, query.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        // The same rule as PortfolioEntry.CountsTowardsRecordOfAchievement, narrowed in the database first.
        var candidates = await viewer.Value.Entries(db).AsNoTracking()
            .Where(e => e.Kind == PortfolioEntryKind.Achievement || e.Kind == PortfolioEntryKind.Challenge || e.Kind == PortfolioEntryKind.PeerTutoring)
            .ToListAsync(cancellationToken);
        var items = candidates
            .Where(e => e.CountsTowardsRecordOfAchievement)
            .OrderBy(e => e.Date)
            .ThenBy(e => e.CreatedAt)
            .Select(e => new AchievementDto(e.Id, e.Kind, e.Title, e.Reflection, e.Date, e.Subjects.ToList(), EndorsementDto.From(e.Endorsement)))
            .ToList();
        return new RecordOfAchievementDto(query.StudentId, items);
    }
}
