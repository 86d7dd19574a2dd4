namespace School.Domain.Common;

/// <summary>The outcome of an operation that can fail in an expected way.</summary>
/// <remarks>
/// Steps chain with <see cref="Bind(Func{Result})"/>, <see cref="Map{TOut}(Func{TOut})"/>, <see cref="Ensure"/>,
/// <see cref="Tap"/> and <see cref="Match{TOut}"/> (and their async forms in <see cref="ResultAsync"/>): the first failure
/// passes through every later step unchanged, so a handler reads as its steps instead of a ladder of early returns.
/// </remarks>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);

    /// <summary>Runs the next step when this succeeded; otherwise passes the failure on.</summary>
    public Result Bind(Func<Result> next) => IsSuccess ? next() : this;

    /// <summary>Runs the next step, which yields a value, when this succeeded; otherwise passes the failure on.</summary>
    public Result<TOut> Bind<TOut>(Func<Result<TOut>> next) => IsSuccess ? next() : Result<TOut>.Failure(Error!);

    /// <summary>A value produced when this succeeded; otherwise the failure.</summary>
    public Result<TOut> Map<TOut>(Func<TOut> map) => IsSuccess ? map() : Result<TOut>.Failure(Error!);

    /// <summary>Fails with <paramref name="error"/> when this succeeded but <paramref name="condition"/> does not hold.</summary>
    public Result Ensure(Func<bool> condition, Error error) => IsSuccess && !condition() ? error : this;

    /// <summary>Runs a side effect when this succeeded, and passes this result on unchanged.</summary>
    public Result Tap(Action action)
    {
        if (IsSuccess)
        {
            action();
        }

        return this;
    }

    /// <summary>Folds the outcome into one value: <paramref name="success"/> or <paramref name="failure"/>.</summary>
    public TOut Match<TOut>(Func<TOut> success, Func<Error, TOut> failure) => IsSuccess ? success() : failure(Error!);
}

/// <summary>The outcome of an operation that yields a value or fails in an expected way.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;

    private Result(Error error) : base(error) { }

    /// <summary>The value; only read it after checking <see cref="Result.IsSuccess"/>.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error!.Code}).");

    public static Result<T> Success(T value) => new(value);

    public static new Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    /// <summary>Turns a success into another value, passing a failure through unchanged.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value) : Result<TOut>.Failure(Error!);

    /// <summary>Runs the next step with the value when this succeeded; otherwise passes the failure on.</summary>
    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> next) => IsSuccess ? next(Value) : Result<TOut>.Failure(Error!);

    /// <summary>Runs the next step (which yields no value) with the value when this succeeded; otherwise passes the failure on.</summary>
    public Result Bind(Func<T, Result> next) => IsSuccess ? next(Value) : Failure(Error!);

    /// <summary>Fails with <paramref name="error"/> when this succeeded but the value does not satisfy <paramref name="condition"/>.</summary>
    public Result<T> Ensure(Func<T, bool> condition, Error error) => IsSuccess && !condition(Value) ? error : this;

    /// <summary>Fails with the error <paramref name="check"/> gives when it gives one (a rule that explains itself).</summary>
    public Result<T> Ensure(Func<T, Result> check)
    {
        if (!IsSuccess)
        {
            return this;
        }

        var checkedValue = check(Value);
        return checkedValue.IsSuccess ? this : checkedValue.Error!;
    }

    /// <summary>Runs a side effect with the value when this succeeded, and passes this result on unchanged.</summary>
    public Result<T> Tap(Action<T> action)
    {
        if (IsSuccess)
        {
            action(Value);
        }

        return this;
    }

    /// <summary>Folds the outcome into one value: <paramref name="success"/> of the value, or <paramref name="failure"/> of the error.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<Error, TOut> failure) => IsSuccess ? success(Value) : failure(Error!);
}
