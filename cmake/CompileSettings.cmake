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
