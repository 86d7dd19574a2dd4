using FluentValidation;
using School.Application.Common;
using School.Domain.LearningPlans;

namespace School.Application.LearningPlans;

public sealed class PlanContentInputValidator : AbstractValidator<PlanContentInput>
{
    public PlanContentInputValidator()
    {
        RuleFor(c => c.Targets).Must(t => t is null || t.Count <= 30).WithMessage("At most 30 targets.");
        RuleForEach(c => c.Targets).NotNull().ChildRules(t =>
        {
            t.RuleFor(x => x.Area).Known();
            t.RuleFor(x => x.Description).NotEmpty().MaximumLength(500);
            t.RuleFor(x => x.Measure).NotEmpty().WithMessage("Every target says how it is measured.").MaximumLength(500);
            t.RuleFor(x => x.Subject).NotEmpty().When(x => x.Area == TargetArea.Subject).WithMessage("A subject target names its subject.");
            t.RuleFor(x => x.Subject).MaximumLength(100);
            t.RuleFor(x => x.DueDate).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
            t.RuleFor(x => x.Ladder).NotNull().Must(l => l!.Count is >= 2 and <= 10).WithMessage("A ladder has 2 to 10 rungs.");
            t.RuleForEach(x => x.Ladder).NotNull().ChildRules(r => r.RuleFor(x => x.Description).NotEmpty().MaximumLength(300));
            t.RuleFor(x => x.Ladder).Must(l => l!.Select(r => r.Level).Distinct().Count() == l!.Count).When(x => x.Ladder is not null && x.Ladder.All(r => r is not null))
                .WithMessage("Each rung has its own level.");
            t.RuleFor(x => x.CurrentRung).Must((x, rung) => x.Ladder!.Any(r => r.Level == rung))
                .When(x => x.Ladder is not null && x.Ladder.All(r => r is not null))
                .WithMessage("The rung reached is one of the ladder's rungs.");
        });
        RuleFor(c => c.OptionChoices).Must(o => o is null || o.Count <= 20).WithMessage("At most 20 option choices.");
        RuleForEach(c => c.OptionChoices).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Activities).Must(o => o is null || o.Count <= 20).WithMessage("At most 20 activities.");
        RuleForEach(c => c.Activities).NotEmpty().MaximumLength(200);
        RuleFor(c => c.PersonalChallenge).MaximumLength(500);
        RuleFor(c => c.SelfAssessment!).ChildRules(a =>
        {
            a.RuleFor(x => x.Text).MaximumLength(4000);
            foreach (var (name, score) in new (string, Func<SelfAssessment, int>)[]
            {
                (nameof(SelfAssessment.Home), x => x.Home), (nameof(SelfAssessment.Friends), x => x.Friends),
                (nameof(SelfAssessment.Health), x => x.Health), (nameof(SelfAssessment.Confidence), x => x.Confidence),
                (nameof(SelfAssessment.EnjoymentOfLearning), x => x.EnjoymentOfLearning),
            })
            {
                a.RuleFor(x => score(x)).InclusiveBetween(SelfAssessment.Min, SelfAssessment.Max).OverridePropertyName(name)
                    .WithMessage("A score is 1 to 5.");
            }
        }).When(c => c.SelfAssessment is not null);
    }
}
