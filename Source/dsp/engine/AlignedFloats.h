#pragma once
// A zero-initialised, 64-byte aligned float array (for SIMD loads and FFTW plans), move-only.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace iemeq {

class AlignedFloats {
public:
    AlignedFloats() = default;
    explicit AlignedFloats(std::size_t n) : size_(n)
    {
        if (n == 0)
            return;
        const std::size_t bytes = (n * sizeof(float) + 63) / 64 * 64;
        data_ = static_cast<float*>(std::aligned_alloc(64, bytes));
        if (data_ == nullptr)
            throw std::bad_alloc();
        std::memset(data_, 0, bytes);
    }
    AlignedFloats(AlignedFloats&& o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
    AlignedFloats& operator=(AlignedFloats&& o) noexcept
    {
        std::swap(data_, o.data_);
        std::swap(size_, o.size_);
        return *this;
    }
    AlignedFloats(const AlignedFloats&) = delete;
    AlignedFloats& operator=(const AlignedFloats&) = delete;
    ~AlignedFloats() { std::free(data_); }

    float* data() noexcept { return data_; }
    const float* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    float& operator[](std::size_t i) noexcept { return data_[i]; }
    const float& operator[](std::size_t i) const noexcept { return data_[i]; }
    void zero() noexcept { if (data_) std::memset(data_, 0, size_ * sizeof(float)); }

private:
    float* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace iemeq
