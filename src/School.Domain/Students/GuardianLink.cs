namespace School.Domain.Students;

public enum GuardianRelationship
{
    Mother,
    Father,
    Parent,
    StepParent,
    Grandparent,
    FosterCarer,
    Carer,
    SocialWorker,
    Other,
}

/// <summary>
/// The link between a child and one guardian. Whether the guardian may see the child's records is decided
/// here: a court order or a school decision can stop access without removing the link (the history stays).
/// </summary>
public sealed class GuardianLink
{
    public const int ReasonMaxLength = 500;

    private GuardianLink(Guid studentId, Guid guardianId, GuardianRelationship relationship, bool hasParentalResponsibility)
    {
        StudentId = studentId;
        GuardianId = guardianId;
        Relationship = relationship;
        HasParentalResponsibility = hasParentalResponsibility;
    }

    public Guid StudentId { get; private set; }

    public Guid GuardianId { get; private set; }

    public GuardianRelationship Relationship { get; private set; }

    public bool HasParentalResponsibility { get; private set; }

    /// <summary>Whether the link currently lets the guardian see the child.</summary>
    public bool AccessAllowed { get; private set; } = true;

    /// <summary>Why access was stopped (a court order, a safeguarding decision); kept while access is stopped.</summary>
    public string? AccessStoppedReason { get; private set; }

    internal static GuardianLink Create(Guid studentId, Guid guardianId, GuardianRelationship relationship, bool hasParentalResponsibility) =>
        new(studentId, guardianId, relationship, hasParentalResponsibility);

    internal void Change(GuardianRelationship relationship, bool hasParentalResponsibility, bool accessAllowed, string? accessStoppedReason)
    {
        Relationship = relationship;
        HasParentalResponsibility = hasParentalResponsibility;
        AccessAllowed = accessAllowed;
        AccessStoppedReason = accessAllowed ? null : accessStoppedReason?.Trim();
    }
}
