using FluentValidation;
using Mediator;

namespace School.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler, then the rule every message shares: each
/// date and instant it carries is plausible (<see cref="PlausibleDates"/>), reported only for a member its validators
/// have not already reported. Validators check the shape of input only; a failure throws
/// <see cref="ValidationException"/>, which the API turns into one 400 validation problem.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        var reported = failures.Select(f => f.PropertyName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        failures.AddRange(PlausibleDates.Check(message).Where(f => !reported.Contains(f.PropertyName)));

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
