# Settings every target of the project shares, as one INTERFACE target.
add_library(autohost_compile_settings INTERFACE)
target_compile_features(autohost_compile_settings INTERFACE cxx_std_20)
target_compile_definitions(autohost_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    AUTOHOST_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(autohost_compile_settings INTERFACE
        -Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-qual)
    if(AUTOHOST_WERROR)
        target_compile_options(autohost_compile_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(autohost_compile_settings INTERFACE /W4 /permissive- /utf-8)
endif()

# The sanitizer build (scripts/test-sanitizers.sh): every target of the project, tests and helper programs
# included; Qt and the other system libraries stay as Debian built them. An UBSan finding aborts like an ASan
# one, so a test cannot pass over it.
if(AUTOHOST_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(AUTOHOST_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "AUTOHOST_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    # The core carries libFuzzer's coverage instrumentation for the fuzzers; the tests link the same library, and
    # the sanitizer runtime supplies the coverage callbacks there.
    if(NOT AUTOHOST_SANITIZE)
        message(FATAL_ERROR "AUTOHOST_FUZZERS needs AUTOHOST_SANITIZE=ON")
    endif()
endif()
