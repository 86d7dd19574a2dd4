using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Mentoring.Sweep;

/// <summary>An admin runs the daily mentoring sweep for their school now; the answer says what it did.</summary>
public sealed record RunMentoringSweepCommand : ICommand<Result<SweepReport>>;

internal sealed class RunMentoringSweepCommandHandler(ICurrentUser user, MentoringSweep sweep) : ICommandHandler<RunMentoringSweepCommand, Result<SweepReport>>
{
    public async ValueTask<Result<SweepReport>> Handle(RunMentoringSweepCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        return school.IsSuccess ? await sweep.RunAsync(school.Value.SchoolId, cancellationToken) : school.Error!;
    }
}
