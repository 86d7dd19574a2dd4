using School.Domain.Common;

namespace School.Domain.Innovation;

public enum TrialStatus
{
    Proposed,
    Selected,
    Incubating,
    Evaluating,
    Scaling,
    Discontinued,
}

/// <summary>The resource domains of Resourcing Personalisation a trial works in.</summary>
public enum ResourceDomain
{
    UseOfTime,
    Technology,
    CoConstructingLearning,
    LearningEnvironment,
}

public enum SupportKind
{
    ChangeLeadershipConsultancy,
    ToolkitUse,
    CommunityOfPracticeEvent,
    BrokeredRelationship,
    PowerToInnovateRequest,
}

/// <summary>One strand of the trial's baseline data.</summary>
public sealed record BaselineStrand(string Name, string Value);

/// <summary>A reading of an indicator.</summary>
public sealed record IndicatorReading(DateOnly On, decimal Value, string? Note);

/// <summary>What a trial measures, with its readings over time.</summary>
public sealed record Indicator(Guid Id, string Name, string? Unit, IReadOnlyList<IndicatorReading> Readings);

/// <summary>Incubation support a trial received (a Power to Innovate request with its outcome).</summary>
public sealed record SupportEntry(DateOnly On, SupportKind Kind, string Description, string? Outcome);

/// <summary>One move of a trial's status: from, to, who, when and why.</summary>
public sealed record StatusChange(TrialStatus From, TrialStatus To, Guid By, DateTimeOffset At, string? Reason);

/// <summary>The evaluation that lets a trial scale: outcomes, responsiveness to users, and cost and productivity.</summary>
public sealed record Evaluation(string Outcomes, string Responsiveness, string CostAndProductivity);

/// <summary>What a trial in Scaling publishes for other schools to adopt.</summary>
public sealed record PracticeNote(string Title, string Body, DateTimeOffset PublishedAt);

/// <summary>
/// A field trial of an idea in one or more schools, moving through its statuses only along allowed transitions, each
/// guarded by a named rule: Proposed → Selected (a school, and the idea meets the project's number of criteria) →
/// Incubating (baseline recorded) → Evaluating (two readings of every indicator) → Scaling (an evaluation summary); or
/// Discontinued from any state, with a reason. Every move is kept.
/// </summary>
public sealed class FieldTrial : Entity
{
    public const int DefaultBaselineStrands = 5;

    private List<Guid> _schoolIds = [];
    private List<ResourceDomain> _resourceDomains = [];
    private List<BaselineStrand> _baseline = [];
    private List<Indicator> _indicators = [];
    private List<SupportEntry> _support = [];
    private List<StatusChange> _history = [];

    private FieldTrial(Guid id, Guid projectId, Guid ideaId, string title) : base(id)
    {
        ProjectId = projectId;
        IdeaId = ideaId;
        Title = title;
    }

    public Guid ProjectId { get; private set; }

    public Guid IdeaId { get; private set; }

    public string Title { get; private set; }

    public IReadOnlyList<Guid> SchoolIds => _schoolIds;

    public IReadOnlyList<ResourceDomain> ResourceDomains => _resourceDomains;

    public string? LeadPractitioner { get; private set; }

    /// <summary>How many baseline strands must be recorded before incubation (five by default).</summary>
    public int BaselineStrandsRequired { get; private set; } = DefaultBaselineStrands;

    public IReadOnlyList<BaselineStrand> Baseline => _baseline;

    public IReadOnlyList<Indicator> Indicators => _indicators;

    public IReadOnlyList<SupportEntry> Support => _support;

    public TrialStatus Status { get; private set; }

    public IReadOnlyList<StatusChange> History => _history;

    public Evaluation? Evaluation { get; private set; }

    public PracticeNote? PracticeNote { get; private set; }

    /// <summary>The trial whose practice note this one adopted: how practice travels across the system.</summary>
    public Guid? AdoptedFromTrialId { get; private set; }

    public uint Version { get; private set; }

    public static FieldTrial Propose(
        Guid id, Guid projectId, Guid ideaId, string title, IEnumerable<Guid> schoolIds, IEnumerable<ResourceDomain> domains, string? leadPractitioner,
        int baselineStrandsRequired, Guid by, DateTimeOffset at, Guid? adoptedFrom = null)
    {
        var trial = new FieldTrial(id, projectId, ideaId, Guard.Text(title, nameof(title), 200))
        {
            _schoolIds = schoolIds.Distinct().ToList(),
            _resourceDomains = domains.Distinct().ToList(),
            LeadPractitioner = Guard.OptionalText(leadPractitioner, nameof(leadPractitioner), 200),
            BaselineStrandsRequired = Guard.InRange(baselineStrandsRequired, 1, 20, nameof(baselineStrandsRequired)),
            AdoptedFromTrialId = adoptedFrom,
        };
        trial._history.Add(new StatusChange(TrialStatus.Proposed, TrialStatus.Proposed, by, at, adoptedFrom is null ? "Proposed." : "Adopted a published practice note."));
        return trial;
    }

    public bool Involves(Guid schoolId) => _schoolIds.Contains(schoolId);

    public void AddSchool(Guid schoolId)
    {
        if (!_schoolIds.Contains(schoolId))
        {
            _schoolIds = [.. _schoolIds, schoolId];
            Version++;
        }
    }

    public void RecordBaseline(IEnumerable<BaselineStrand> strands)
    {
        _baseline = strands.Select(s => new BaselineStrand(Guard.Text(s.Name, nameof(s.Name), 200), Guard.Text(s.Value, nameof(s.Value), 2000))).ToList();
        Version++;
    }

    public Indicator AddIndicator(Guid id, string name, string? unit)
    {
        var indicator = new Indicator(id, Guard.Text(name, nameof(name), 200), Guard.OptionalText(unit, nameof(unit), 50), []);
        _indicators = [.. _indicators, indicator];
        Version++;
        return indicator;
    }

    /// <summary>A reading of one of this trial's indicators; another trial's indicator is not found.</summary>
    public Result<Indicator> AddReading(Guid indicatorId, IndicatorReading reading)
    {
        var index = _indicators.FindIndex(i => i.Id == indicatorId);
        if (index < 0)
        {
            return Error.NotFound("Indicator");
        }

        var updated = _indicators[index] with { Readings = [.. _indicators[index].Readings, reading with { Note = Guard.OptionalText(reading.Note, "note", 1000) }] };
        _indicators = [.. _indicators.Take(index), updated, .. _indicators.Skip(index + 1)];
        Version++;
        return updated;
    }

    public void LogSupport(SupportEntry entry)
    {
        _support = [.. _support, entry with { Description = Guard.Text(entry.Description, "description", 2000), Outcome = Guard.OptionalText(entry.Outcome, "outcome", 2000) }];
        Version++;
    }

    public void RecordEvaluation(Evaluation evaluation)
    {
        Evaluation = new Evaluation(
            Guard.Text(evaluation.Outcomes, "outcomes", 4000), Guard.Text(evaluation.Responsiveness, "responsiveness", 4000),
            Guard.Text(evaluation.CostAndProductivity, "costAndProductivity", 4000));
        Version++;
    }

    /// <summary>Rule: only a trial in Scaling publishes a practice note.</summary>
    public Result Publish(string title, string body, DateTimeOffset at)
    {
        if (Status != TrialStatus.Scaling)
        {
            return Rule("trial.rule.note_needs_scaling", "Only a trial in Scaling publishes a practice note.");
        }

        PracticeNote = new PracticeNote(Guard.Text(title, nameof(title), 200), Guard.Text(body, nameof(body), 8000), at);
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// Moves the trial to <paramref name="to"/> when the transition is allowed and its rule holds; otherwise a conflict
    /// naming the rule. <paramref name="criteriaMet"/> and <paramref name="criteriaRequired"/> are the idea's and the
    /// project's, for the selection rule.
    /// </summary>
    public Result MoveTo(TrialStatus to, string? reason, int criteriaMet, int criteriaRequired, Guid by, DateTimeOffset at)
    {
        var rule = to switch
        {
            _ when Status == TrialStatus.Discontinued => Rule("trial.rule.discontinued_is_final", "A discontinued trial does not move again."),
            TrialStatus.Discontinued when string.IsNullOrWhiteSpace(reason) => Rule("trial.rule.discontinue_needs_reason", "Discontinuing a trial needs a reason."),
            TrialStatus.Discontinued => null,
            _ when to != Status + 1 || Status == TrialStatus.Scaling =>
                Rule("trial.rule.allowed_transitions", $"A trial moves Proposed → Selected → Incubating → Evaluating → Scaling (or to Discontinued); {Status} → {to} is not allowed."),
            TrialStatus.Selected when _schoolIds.Count == 0 => Rule("trial.rule.needs_a_school", "A trial is selected only with at least one participating school."),
            TrialStatus.Selected when criteriaMet < criteriaRequired =>
                Rule("trial.rule.meets_criteria", $"The idea meets {criteriaMet} of the seven Next Practice criteria; the project asks for {criteriaRequired}."),
            TrialStatus.Incubating when _baseline.Count < BaselineStrandsRequired =>
                Rule("trial.rule.baseline_recorded", $"Record the baseline first: {_baseline.Count} of {BaselineStrandsRequired} strands."),
            TrialStatus.Evaluating when _indicators.Count == 0 || _indicators.Any(i => i.Readings.Count < 2) =>
                Rule("trial.rule.two_readings_per_indicator", "Every indicator needs at least two readings before evaluation (and there must be an indicator)."),
            TrialStatus.Scaling when Evaluation is null =>
                Rule("trial.rule.evaluation_summary", "Record an evaluation summary (outcomes, responsiveness to users, cost and productivity) before scaling."),
            _ => null,
        };
        if (rule is not null)
        {
            return rule;
        }

        _history = [.. _history, new StatusChange(Status, to, by, at, Guard.OptionalText(reason, nameof(reason), 1000))];
        Status = to;
        Version++;
        return Result.Success();
    }

    private static Error Rule(string code, string message) => Error.Conflict(code, message);
}
