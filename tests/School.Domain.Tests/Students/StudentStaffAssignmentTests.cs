using School.Domain.Mentoring;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Domain.Tests.Students;

public class StudentStaffAssignmentTests
{
    [Fact]
    public void AssignPersonalTutor_StaffOfAnotherSchool_FailsValidationOnPersonalTutorId()
    {
        var student = A.Student(A.SchoolId());
        var tutorElsewhere = A.StaffMember(A.SchoolId(), StaffRoles.PersonalTutor);

        var result = student.AssignPersonalTutor(tutorElsewhere);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("personalTutorId", result.Error?.Field);
    }

    [Fact]
    public void AssignPersonalTutor_StaffWithoutPersonalTutorRole_FailsWithConflict()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var teacher = A.StaffMember(school, StaffRoles.Teacher | StaffRoles.Mentor);

        var result = student.AssignPersonalTutor(teacher);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("student.staff_lacks_role", result.Error?.Code);
    }

    [Fact]
    public void AssignPersonalTutor_Refused_LeavesTheStudentUnchanged()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var teacher = A.StaffMember(school, StaffRoles.Teacher);

        student.AssignPersonalTutor(teacher);

        Assert.Null(student.PersonalTutorId);
        Assert.Equal(0u, student.Version);
    }

    [Fact]
    public void AssignPersonalTutor_TutorOfTheSameSchool_SetsTheTutor()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var tutor = A.StaffMember(school, StaffRoles.Teacher | StaffRoles.PersonalTutor);

        var result = student.AssignPersonalTutor(tutor);

        Assert.True(result.IsSuccess);
        Assert.Equal(tutor.Id, student.PersonalTutorId);
    }

    [Fact]
    public void AssignPersonalTutor_NewTutor_BumpsVersion()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var before = student.Version;

        student.AssignPersonalTutor(A.StaffMember(school, StaffRoles.PersonalTutor));

        Assert.Equal(before + 1, student.Version);
    }

    [Fact]
    public void AssignPersonalTutor_SameTutorAgain_DoesNotBumpVersion()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var tutor = A.StaffMember(school, StaffRoles.PersonalTutor);
        student.AssignPersonalTutor(tutor);
        var before = student.Version;

        var result = student.AssignPersonalTutor(tutor);

        Assert.True(result.IsSuccess);
        Assert.Equal(before, student.Version);
    }

    [Fact]
    public void AssignPersonalTutor_Null_RemovesTheTutor()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        student.AssignPersonalTutor(A.StaffMember(school, StaffRoles.PersonalTutor));

        var result = student.AssignPersonalTutor(null);

        Assert.True(result.IsSuccess);
        Assert.Null(student.PersonalTutorId);
    }

    [Fact]
    public void AssignMentor_StaffOfAnotherSchool_FailsValidationOnMentorId()
    {
        var student = A.Student(A.SchoolId());
        var mentorElsewhere = A.Mentor(A.SchoolId());

        var result = student.AssignMentor(mentorElsewhere);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("mentorId", result.Error?.Field);
    }

    [Fact]
    public void AssignMentor_InactiveMentor_FailsWithConflict()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var mentor = A.Mentor(school);
        mentor.Deactivate();

        var result = student.AssignMentor(mentor);

        Assert.Equal("mentoring.mentor_inactive", result.Error?.Code);
        Assert.Null(student.MentorId);
    }

    [Fact]
    public void AssignMentor_PupilMentorNotInAnOlderYear_FailsWithConflict()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var pupil = A.Mentor(school, MentorKind.Student);

        var result = student.AssignMentor(pupil, mentorYearGroup: student.YearGroup);

        Assert.Equal("mentoring.mentor_not_older", result.Error?.Code);
        Assert.True(student.AssignMentor(pupil, mentorYearGroup: student.YearGroup + 3).IsSuccess);
    }

    [Fact]
    public void AssignMentor_ThemselfAsPupilMentor_FailsWithConflict()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var self = A.Mentor(school, MentorKind.Student, student.Id);

        var result = student.AssignMentor(self, mentorYearGroup: 11);

        Assert.Equal("mentoring.own_mentor", result.Error?.Code);
    }

    [Fact]
    public void AssignMentor_MentorOfTheSameSchool_SetsTheMentor()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var mentor = A.Mentor(school);

        var result = student.AssignMentor(mentor);

        Assert.True(result.IsSuccess);
        Assert.Equal(mentor.Id, student.MentorId);
    }

    [Fact]
    public void AssignMentor_NewMentor_BumpsVersion()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var before = student.Version;

        student.AssignMentor(A.Mentor(school));

        Assert.Equal(before + 1, student.Version);
    }

    [Fact]
    public void AssignMentor_SameMentorAgain_DoesNotBumpVersion()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var mentor = A.Mentor(school);
        student.AssignMentor(mentor);
        var before = student.Version;

        var result = student.AssignMentor(mentor);

        Assert.True(result.IsSuccess);
        Assert.Equal(before, student.Version);
    }
}
