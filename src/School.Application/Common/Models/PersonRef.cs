namespace School.Application.Common.Models;

/// <summary>A reference to a person, with the name to show.</summary>
public sealed record PersonRef(Guid Id, string Name);
