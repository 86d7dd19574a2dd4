namespace School.Application.Common;

/// <summary>New ids are version-7 GUIDs stamped by the injected clock, so rows sort by creation time.</summary>
public static class Ids
{
    public static Guid New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());
}
