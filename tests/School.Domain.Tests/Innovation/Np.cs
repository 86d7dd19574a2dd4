using School.Domain.Common;
using School.Domain.Innovation;

namespace School.Domain.Tests.Innovation;

/// <summary>
/// Builders for the innovation tests: a field trial of an idea that meets five criteria, in a project that asks for five,
/// moved by one lead at fixed times an hour apart, and taken as far along its statuses as a test needs.
/// </summary>
internal static class Np
{
    public const int Required = InnovationProject.DefaultCriteriaToSelect;

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid Lead = A.Id();

    public static BaselineStrand[] Strands(int count) =>
        Enumerable.Range(1, count).Select(i => new BaselineStrand($"Strand {i}", $"Value {i}")).ToArray();

    public static Evaluation AnEvaluation() =>
        new("Attendance up four points.", "Students and parents asked for it to continue.", "No extra cost: the same staff hours, reconfigured.");

    public static FieldTrial Proposed(IEnumerable<Guid>? schools = null, int baselineStrands = FieldTrial.DefaultBaselineStrands, Guid? adoptedFrom = null) =>
        FieldTrial.Propose(
            A.Id(), A.Id(), A.Id(), "The flexible day", schools ?? [A.SchoolId()], [ResourceDomain.UseOfTime], "Lead practitioner", baselineStrands, Lead, Now,
            adoptedFrom);

    /// <summary>Moves by the lead with a reason, the idea meeting exactly the project's number of criteria.</summary>
    public static Result Move(FieldTrial trial, TrialStatus to, string? reason = "Because.", DateTimeOffset? at = null) =>
        trial.MoveTo(to, reason, Required, Required, Lead, at ?? Now.AddHours(trial.History.Count));

    /// <summary>A trial brought to <paramref name="status"/> along the allowed path, meeting each rule on the way.</summary>
    public static FieldTrial In(TrialStatus status)
    {
        var trial = Proposed();
        if (status == TrialStatus.Discontinued)
        {
            Ok(Move(trial, TrialStatus.Discontinued, "Stopped."));
            return trial;
        }

        foreach (var next in new[] { TrialStatus.Selected, TrialStatus.Incubating, TrialStatus.Evaluating, TrialStatus.Scaling }.Where(s => s <= status))
        {
            switch (next)
            {
                case TrialStatus.Incubating:
                    trial.RecordBaseline(Strands(FieldTrial.DefaultBaselineStrands));
                    break;
                case TrialStatus.Evaluating:
                    var indicator = trial.AddIndicator(A.Id(), "Attendance", "%");
                    Ok(trial.AddReading(indicator.Id, new IndicatorReading(new DateOnly(2026, 7, 1), 91m, null)));
                    Ok(trial.AddReading(indicator.Id, new IndicatorReading(new DateOnly(2026, 10, 1), 93m, null)));
                    break;
                case TrialStatus.Scaling:
                    trial.RecordEvaluation(AnEvaluation());
                    break;
            }

            Ok(Move(trial, next));
        }

        return trial;
    }

    public static void Ok(Result result) => Assert.True(result.IsSuccess, result.Error?.ToString());

    /// <summary>A refusal: a conflict naming <paramref name="code"/>.</summary>
    public static void Refused(Result result, string code)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
    }

    /// <summary>A refused move leaves the trial as it was: same status, same history, same version.</summary>
    public static void RefusedAndUnchanged(FieldTrial trial, Func<FieldTrial, Result> move, string code)
    {
        var (status, history, version) = (trial.Status, trial.History.ToList(), trial.Version);

        Refused(move(trial), code);

        Assert.Equal(status, trial.Status);
        Assert.Equal(history, trial.History);
        Assert.Equal(version, trial.Version);
    }
}
