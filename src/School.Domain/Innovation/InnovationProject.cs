using School.Domain.Common;

namespace School.Domain.Innovation;

/// <summary>A policy area Next Practice projects work in (data, not code: System Leadership, Resourcing Personalisation, …).</summary>
public sealed class PolicyArea : Entity
{
    private PolicyArea(Guid id, string name) : base(id) => Name = name;

    public string Name { get; private set; }

    public static PolicyArea Create(Guid id, string name) => new(id, Guard.Text(name, nameof(name), 200));
}

/// <summary>The three phases of a Next Practice project.</summary>
public enum ProjectPhase
{
    /// <summary>Phase 1, system level: analyse need, scan the horizon, generate creative options.</summary>
    SystemLevel = 1,
    /// <summary>Phase 2: local incubation of field trials.</summary>
    LocalIncubation = 2,
    /// <summary>Phase 3: system learning — what works spreads to other schools.</summary>
    SystemLearning = 3,
}

/// <summary>The steps of phase 1.</summary>
public enum SystemLevelStep
{
    AnalyseNeed,
    ScanTheHorizon,
    GenerateCreativeOptions,
}

/// <summary>
/// A Next Practice innovation project: a policy area, a partner agency, the innovation lead who runs it, the network of
/// schools it works with, its phase, and how many of the seven criteria an idea must meet to be selected for a field trial.
/// </summary>
public sealed class InnovationProject : Entity
{
    public const int CriteriaCount = 7;
    public const int DefaultCriteriaToSelect = 5;

    private List<Guid> _networkSchoolIds = [];

    private InnovationProject(Guid id, string name, Guid policyAreaId, Guid leadId) : base(id)
    {
        Name = name;
        PolicyAreaId = policyAreaId;
        LeadId = leadId;
    }

    public string Name { get; private set; }

    public Guid PolicyAreaId { get; private set; }

    public string? PartnerAgency { get; private set; }

    /// <summary>The innovation lead (a person with an InnovationLead account) who runs the project.</summary>
    public Guid LeadId { get; private set; }

    /// <summary>The partnership the project works through, if any.</summary>
    public Guid? PartnershipId { get; private set; }

    public IReadOnlyList<Guid> NetworkSchoolIds => _networkSchoolIds;

    public ProjectPhase Phase { get; private set; } = ProjectPhase.SystemLevel;

    public SystemLevelStep? Step { get; private set; } = SystemLevelStep.AnalyseNeed;

    /// <summary>How many of the seven criteria an idea must meet before a trial of it can be selected.</summary>
    public int CriteriaToSelect { get; private set; } = DefaultCriteriaToSelect;

    public uint Version { get; private set; }

    public static InnovationProject Create(
        Guid id, string name, Guid policyAreaId, string? partnerAgency, Guid leadId, Guid? partnershipId, IEnumerable<Guid> networkSchoolIds, int criteriaToSelect)
    {
        var project = new InnovationProject(id, Guard.Text(name, nameof(name), 200), policyAreaId, leadId)
        {
            PartnerAgency = Guard.OptionalText(partnerAgency, nameof(partnerAgency), 200),
            PartnershipId = partnershipId,
            _networkSchoolIds = networkSchoolIds.Distinct().ToList(),
            CriteriaToSelect = Guard.InRange(criteriaToSelect, 0, CriteriaCount, nameof(criteriaToSelect)),
        };
        return project;
    }

    public bool InNetwork(Guid schoolId) => _networkSchoolIds.Contains(schoolId);

    public void AddToNetwork(Guid schoolId)
    {
        if (!_networkSchoolIds.Contains(schoolId))
        {
            _networkSchoolIds = [.. _networkSchoolIds, schoolId];
            Version++;
        }
    }

    /// <summary>Moves the project on: through phase 1's steps, then to incubation and system learning (never backwards).</summary>
    public Result MoveTo(ProjectPhase phase, SystemLevelStep? step)
    {
        if (phase < Phase || (phase == Phase && phase == ProjectPhase.SystemLevel && step < Step))
        {
            return Error.Conflict("innovation.phase_backwards", "A project moves forward through its phases, never back.");
        }

        Phase = phase;
        Step = phase == ProjectPhase.SystemLevel ? step ?? Step : null;
        Version++;
        return Result.Success();
    }
}
