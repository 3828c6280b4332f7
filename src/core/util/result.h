#pragma once

#include <utility>
#include <variant>

#include <QString>

// The failure side of a Result, so that a Result<QString, QString> is never ambiguous.
template <typename E>
struct Failure
{
    E error;
};

template <typename E>
Failure<std::decay_t<E>> fail(E &&error)
{
    return {std::forward<E>(error)};
}

// A value or the reason there is none; the project's stand-in for std::expected (C++23).
template <typename T, typename E = QString>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    template <typename F>
    Result(Failure<F> failure)
        : m_data(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// For operations that yield nothing but can fail.
using Status = Result<std::monostate>;

inline Status succeeded()
{
    return Status(std::monostate{});
}
