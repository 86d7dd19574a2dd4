namespace School.Api.Tests.Infrastructure;

/// <summary>The demo sign-ins by role, as the issue names them.</summary>
public static class Accounts
{
    public const string Admin = "admin@bridgemary.demo";
    public const string Tutor = "tutor@bridgemary.demo";
    public const string Mentor = "mentor@bridgemary.demo";
    public const string Teacher = "teacher@bridgemary.demo";
    public const string Pastoral = "pastoral@bridgemary.demo";
    public const string Student = "student@bridgemary.demo";
    public const string PeerTutor = "peer-tutor@bridgemary.demo";
    public const string Parent = "parent@bridgemary.demo";
    public const string CramlingtonAdmin = "admin@cramlington.demo";
    public const string CramlingtonStudent = "student@cramlington.demo";
    public const string CramlingtonParent = "parent@cramlington.demo";
    public const string Innovation = "innovation@nextpractice.demo";
}
